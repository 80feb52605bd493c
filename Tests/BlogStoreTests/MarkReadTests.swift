import BlogModel
import GRDB
import LecternTestSupport
import XCTest

@testable import BlogStore

/// `markRead(_:limit:)` and its undo, `markUnread(_:)`.
final class MarkReadTests: XCTestCase {
    /// Every post's stored read time, by id: what "exactly as before" means.
    private func readTimes(_ store: LibraryStore) throws -> [Int64: Double?] {
        try store.writer.read { db in
            var times: [Int64: Double?] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, read_at FROM post") {
                times[row["id"]] = row["read_at"] as Double?
            }
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
        XCTAssertEqual(
            Set(try store.markRead(PostFilter(category: "Even"))), Set([postIDs[0], postIDs[2], postIDs[4]]))
        XCTAssertEqual(try store.unreadCount(PostFilter()), 2)
        // When the newest two of everything are marked, Then only the unread one of them changes
        XCTAssertEqual(try store.markRead(PostFilter(), limit: 2), [postIDs[3]])
        // And nothing left to mark changes nothing
        XCTAssertEqual(try store.markRead(PostFilter(category: "Even")), [])
    }

    func testABoundedAttemptGivesUpWhileAnotherProcessHoldsTheLockAndChangesNothing() throws {
        // Given a cache on disk with two unread posts, and another process holding its write lock
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-bounded-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("lectern.sqlite").path
        let store = try LibraryStore(path: path)
        try StoreFixtures.importBlog(into: store, posts: 2)
        let holder = try WriteLockHolder(databasePath: path)

        // When every post is marked read, waiting at most a tenth of a second for the lock
        let started = Date()
        XCTAssertThrowsError(try store.markRead(PostFilter(), waitingAtMost: 0.1)) {
            XCTAssertTrue($0 is ReaderWriteLockHeld)
        }

        // Then it gave up well before the usual 15 s, and nothing changed
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(try store.unreadCount(PostFilter()), 2)

        // When the other process lets go, Then the same attempt goes through
        holder.release()
        XCTAssertEqual(try store.markRead(PostFilter(), waitingAtMost: 0.1).count, 2)
        XCTAssertEqual(try store.unreadCount(PostFilter()), 0)
    }
}
