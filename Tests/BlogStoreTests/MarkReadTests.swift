import BlogModel
import GRDB
import XCTest

@testable import BlogStore

/// `markRead(_:limit:)` and its undo, `markUnread(_:)`.
final class MarkReadTests: XCTestCase {
    /// Every post's stored read time, by id: what "exactly as before" means.
    private func readTimes(_ store: LibraryStore) throws -> [Int64: Double?] {
        try store.writer.read { db in
            var times: [Int64: Double?] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, read_at FROM post") { times[row["id"]] = row["read_at"] as Double? }
            return times
        }
    }

    func testMarkingReadChangesOnlyUnreadPostsAndTheUndoRestoresEveryReadTime() throws {
        // Given five posts, two of them read earlier
        let store = try LibraryStore.inMemory()
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 5)
        try store.markPostRead(postIDs[1])
        try store.markPostRead(postIDs[3])
        let before = try readTimes(store)

        // When every post is marked read
        let changed = try store.markRead(PostFilter())

        // Then the three unread ones changed, and nothing is unread
        XCTAssertEqual(Set(changed), Set([postIDs[0], postIDs[2], postIDs[4]]))
        XCTAssertEqual(try store.unreadCount(PostFilter()), 0)
        XCTAssertEqual(try readTimes(store)[postIDs[1]], before[postIDs[1]], "a read post keeps its read time")

        // When it is undone, Then every post's read state is as before, to the second
        try store.markUnread(changed)
        XCTAssertEqual(try readTimes(store), before)
        XCTAssertEqual(try store.unreadCount(PostFilter()), 3)
    }

    func testMarkingReadFollowsTheFilterAndTheLimit() throws {
        // Given posts 0…4, the even ones in category "Even"
        let store = try LibraryStore.inMemory()
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 5) { number, post in
            if number % 2 == 0 { post.categories = ["Even"] }
        }
        // When the category is marked read, Then only its posts are
        XCTAssertEqual(Set(try store.markRead(PostFilter(category: "Even"))), Set([postIDs[0], postIDs[2], postIDs[4]]))
        XCTAssertEqual(try store.unreadCount(PostFilter()), 2)
        // When the newest two of everything are marked, Then only the unread one of them changes
        XCTAssertEqual(try store.markRead(PostFilter(), limit: 2), [postIDs[3]])
        // And nothing left to mark changes nothing
        XCTAssertEqual(try store.markRead(PostFilter(category: "Even")), [])
    }
}
