import BlogModel
import BlogStore
import XCTest

/// A feed cannot say what a richer source (WordPress's REST API, an export) did: whether
/// comments are open, which terms are tags, the post's WordPress id. Merging the feed's copy
/// of a post must keep those.
final class PostSourceTests: XCTestCase {
    func testAFeedCopyKeepsTheRicherSourcesTagsCommentStatusAndWordPressID() throws {
        // Given a post stored from the REST API: closed to comments, id 42, a category and two tags
        let store = try LibraryStore.inMemory()
        let blogID = try store.writeSession { try $0.upsertBlog(StoreFixtures.makeBlog()) }
        var rich = StoreFixtures.makePost(1, blogID: blogID, categories: ["Essays"], tags: ["swift", "ncurses"])
        rich.remotePostID = 42
        rich.commentsOpen = false
        let postID = try store.writeSession { try $0.upsertPost(rich, listed: true, searchText: "").id }

        // When the feed's copy arrives: every term as a category, no id, comments "open"
        var fromFeed = rich
        fromFeed.categories = ["Essays", "swift", "ncurses"]
        fromFeed.tags = []
        fromFeed.remotePostID = nil
        fromFeed.commentsOpen = true
        fromFeed.advertisedCommentCount = 3
        let outcome = try store.writeSession {
            try $0.upsertPost(fromFeed, listed: true, searchText: "", source: .feed)
        }

        // Then the post still has one category, two tags, its id and closed comments; the count is the feed's
        let stored = try XCTUnwrap(store.post(id: postID))
        XCTAssertEqual(stored.categories, ["Essays"])
        XCTAssertEqual(stored.tags, ["swift", "ncurses"])
        XCTAssertEqual(stored.remotePostID, 42)
        XCTAssertFalse(stored.commentsOpen)
        XCTAssertEqual(stored.advertisedCommentCount, 3)
        XCTAssertEqual(outcome, .updated(postID))
        let summary = try XCTUnwrap(store.postWindow(PostFilter(blogID: blogID), after: nil, limit: 1).first)
        XCTAssertEqual(summary.categories, ["Essays"])
        XCTAssertEqual(summary.tags, ["swift", "ncurses"])

        // And a feed copy whose terms really changed replaces them
        fromFeed.categories = ["Notes"]
        _ = try store.writeSession { try $0.upsertPost(fromFeed, listed: true, searchText: "", source: .feed) }
        XCTAssertEqual(try store.post(id: postID)?.categories, ["Notes"])
        XCTAssertEqual(try store.post(id: postID)?.tags, [])
    }

    func testACompleteSourceSetsCommentStatus() throws {
        // Given a post stored from a feed
        let store = try LibraryStore.inMemory()
        let blogID = try store.writeSession { try $0.upsertBlog(StoreFixtures.makeBlog()) }
        let post = StoreFixtures.makePost(1, blogID: blogID)
        let postID = try store.writeSession { try $0.upsertPost(post, listed: true, searchText: "", source: .feed).id }
        // When the REST API says its comments are closed
        var closed = post
        closed.commentsOpen = false
        _ = try store.writeSession { try $0.upsertPost(closed, listed: true, searchText: "") }
        // Then they are closed
        XCTAssertEqual(try store.post(id: postID)?.commentsOpen, false)
    }
}
