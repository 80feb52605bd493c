import BlogModel
import XCTest

@testable import BlogStore

final class CommentStateTests: XCTestCase {
    func testCommentStatesGiveEachListedPostsSourcesAndCountsNewestFirst() throws {
        // Given a blog with two listed posts (one with two approved comments and one spam) and a page
        let store = try LibraryStore.inMemory()
        try store.writeSession { session in
            let blogID = try session.upsertBlog(Blog(sourceKey: "https://b/feed/", title: "B", origin: .feed))
            let old = try session.upsertPost(
                Post(
                    blogID: blogID, sourceID: "https://b/?p=1", title: "Old", link: "https://b/old/",
                    published: Date(timeIntervalSince1970: 1_000), remotePostID: 1,
                    commentFeedURL: "https://b/old/feed/", advertisedCommentCount: 3),
                listed: true, searchText: "")
            _ = try session.upsertPost(
                Post(
                    blogID: blogID, sourceID: "https://b/?p=2", title: "New",
                    published: Date(timeIntervalSince1970: 2_000)),
                listed: true, searchText: "")
            _ = try session.upsertPost(
                Post(blogID: blogID, sourceID: "https://b/?page_id=3", title: "Page"), listed: false, searchText: "")
            for (id, status) in [("1", Comment.Status.approved), ("2", .approved), ("3", .spam)] {
                _ = try session.upsertComment(Comment(postID: old.id, sourceID: id, status: status), searchText: "")
            }
        }
        let blogID = try XCTUnwrap(store.blog(sourceKey: "https://b/feed/")?.id)
        // When the sync asks for the comment states
        let states = try store.commentStates(blogID: blogID, limit: 10)
        // Then the listed posts come newest first with what the feed said and what is cached
        XCTAssertEqual(states.map(\.sourceID), ["https://b/?p=2", "https://b/?p=1"])
        XCTAssertEqual(states[1].cachedCommentCount, 2)
        XCTAssertEqual(states[1].advertisedCommentCount, 3)
        XCTAssertEqual(states[1].commentFeedURL, "https://b/old/feed/")
        XCTAssertEqual(states[1].remotePostID, 1)
        XCTAssertEqual(states[0].cachedCommentCount, 0)
        XCTAssertNil(states[0].advertisedCommentCount)
        XCTAssertEqual(try store.commentStates(blogID: blogID, limit: 1).count, 1)
    }
}
