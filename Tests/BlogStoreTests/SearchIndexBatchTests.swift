import BlogModel
import GRDB
import XCTest

@testable import BlogStore

/// Write sessions index their own text before they commit: one larger than a batch indexes
/// part of it on the way, and one that changes nothing writes nothing, index included.
final class SearchIndexBatchTests: XCTestCase {
    func testSessionLargerThanOneIndexBatchKeepsTheIndexExact() throws {
        // Given a session storing 24 MB of search text (more than one batch)
        let store = try LibraryStore.inMemory()
        let filler = String(repeating: "lorem ipsum dolor sit amet ", count: 4_000)
        try store.writeSession { session in
            let blogID = try session.upsertBlog(StoreFixtures.makeBlog())
            for number in 0..<110 {
                let post = StoreFixtures.makePost(number, blogID: blogID)
                let postID = try session.upsertPost(post, listed: true, searchText: "marker\(number) " + filler).id
                let comment = StoreFixtures.makeComment(number, postID: postID)
                _ = try session.upsertComment(comment, searchText: "remark\(number) " + filler)
            }
            // When the first post and comment, indexed by now, change in the same session
            let first = StoreFixtures.makePost(0, blogID: blogID, body: "edited")
            let firstID = try session.upsertPost(first, listed: true, searchText: "rewritten").id
            let comment = StoreFixtures.makeComment(0, postID: firstID, text: "edited")
            _ = try session.upsertComment(comment, searchText: "reworded")
        }

        // Then every text is found through the index by its current words only
        XCTAssertEqual(try store.pendingSearchIndexCount(), 0)
        XCTAssertEqual(try store.search("marker109", limit: 10).count, 1)
        XCTAssertEqual(try store.search("remark109", limit: 10).count, 1)
        XCTAssertEqual(try store.search("marker0", limit: 10), [])
        XCTAssertEqual(try store.search("remark0", limit: 10), [])
        XCTAssertEqual(try store.search("rewritten", limit: 10).count, 1)
        XCTAssertEqual(try store.search("reworded", limit: 10).count, 1)
    }

    func testReimportingIdenticalDataChangesNoRowNorTheIndex() throws {
        // Given an imported blog
        let store = try LibraryStore.inMemory()
        try StoreFixtures.importBlog(into: store, posts: 3, comments: 2)
        let changesBefore = try totalChanges(store)

        // When the same data is imported again
        try StoreFixtures.importBlog(into: store, posts: 3, comments: 2)

        // Then no row was inserted, updated or deleted: not the posts, comments and texts,
        // not the search index, not its bookkeeping
        XCTAssertEqual(try totalChanges(store), changesBefore)
        XCTAssertEqual(try store.pendingSearchIndexCount(), 0)
        XCTAssertEqual(try store.search("comment", limit: 10).count, 6)
    }

    /// Rows the writer connection has changed since it opened (SQLite's own count).
    private func totalChanges(_ store: LibraryStore) throws -> Int {
        try store.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "SELECT total_changes()") ?? -1 }
    }
}
