import BlogModel
import GRDB
import XCTest

@testable import BlogStore

final class NewPostInsertTests: XCTestCase {
    private func post(blogID: Int64, _ id: String, title: String = "T") -> Post {
        Post(
            blogID: blogID, sourceID: id, title: title, link: "https://b/post/", author: "A",
            published: Date(timeIntervalSince1970: 1_000), categories: ["News", "Misc", "News"], tags: ["x"],
            contentHTML: "<p>Body</p>", excerptHTML: "<p>Ex</p>", remotePostID: 7, commentFeedURL: nil,
            commentsOpen: false, advertisedCommentCount: 2)
    }

    /// Every stored column of the post `sourceID`, with its body, terms and search text.
    private func stored(_ store: LibraryStore, _ sourceID: String) throws -> [String] {
        try store.writer.read { db in
            let row = try XCTUnwrap(
                Row.fetchOne(
                    db,
                    sql: """
                        SELECT p.*, b.content_html, b.excerpt_html, t.title AS text_title, t.body AS text_body,
                            (SELECT group_concat(kind || ':' || name || ':' || position, ',')
                             FROM (SELECT * FROM post_term WHERE post_id = p.id ORDER BY kind, position)) AS terms
                        FROM post p JOIN post_body b ON b.post_id = p.id JOIN post_text t ON t.post_id = p.id
                        WHERE p.source_id = ?
                        """, arguments: [sourceID]))
            return row.columnNames.filter { $0 != "id" && $0 != "source_id" }.map { "\($0)=\(row[$0] ?? "nil")" }
        }
    }

    func testANewPostIsStoredExactlyAsTheUpsertStoresIt() throws {
        // Given one post stored by the upsert and one by the plain insert
        let store = try LibraryStore.inMemory()
        let outcomes = try store.writeSession { session in
            let blogID = try session.upsertBlog(Blog(sourceKey: "https://b/feed/", title: "B"))
            return [
                try session.upsertPost(post(blogID: blogID, "up"), listed: true, searchText: "Body", source: .feed),
                try session.insertNewPost(post(blogID: blogID, "new"), listed: true, searchText: "Body", source: .feed),
            ]
        }
        // Then both count as inserted, and their rows are the same
        XCTAssertEqual(outcomes.map { if case .inserted = $0 { true } else { false } }, [true, true])
        XCTAssertEqual(try stored(store, "new"), try stored(store, "up"))
    }

    func testAPostStoredMeanwhileIsUpdatedNotDuplicated() throws {
        // Given a post already stored (by another sync since the merge listed the blog's posts)
        let store = try LibraryStore.inMemory()
        let blogID = try store.writeSession { session in
            let blogID = try session.upsertBlog(Blog(sourceKey: "https://b/feed/", title: "B"))
            _ = try session.upsertPost(post(blogID: blogID, "p", title: "Old"), listed: true, searchText: "Body")
            return blogID
        }
        // When the insert meant for new posts meets it
        let outcome = try store.writeSession { session in
            XCTAssertEqual(try session.storedPostSourceIDs(blogID: blogID), ["p"])
            return try session.insertNewPost(post(blogID: blogID, "p", title: "New"), listed: true, searchText: "Body")
        }
        // Then it falls back to the upsert: one post, updated
        guard case .updated = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM post") }, 1)
        XCTAssertTrue(try stored(store, "p").contains("title=New"))
    }
}
