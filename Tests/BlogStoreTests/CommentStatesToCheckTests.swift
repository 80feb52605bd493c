import BlogModel
import XCTest

@testable import BlogStore

final class CommentStatesToCheckTests: XCTestCase {
    private var store: LibraryStore!
    private var blogID: Int64 = 0

    /// Posts, newest first: (source id, comment feed?, advertised count, approved comments cached).
    private let posts: [(String, Bool, Int?, Int)] = [
        ("no-count", true, nil, 0),
        ("none-advertised", true, 0, 0),
        ("short", true, 3, 1),
        ("complete", true, 2, 2),
        ("read-in-full", true, 4, 1),
        ("short-no-feed", false, 5, 0),
        ("outside-the-window", true, 9, 0),
    ]

    override func setUpWithError() throws {
        store = try LibraryStore.inMemory()
        blogID = try store.writeSession { session in
            let blogID = try session.upsertBlog(Blog(sourceKey: "https://b/feed/", title: "B", origin: .feed))
            for (index, (id, hasFeed, advertised, cached)) in posts.enumerated() {
                let post = try session.upsertPost(
                    Post(
                        blogID: blogID, sourceID: id, title: id,
                        published: Date(timeIntervalSince1970: Double(10_000 - index)),
                        commentFeedURL: hasFeed ? "https://b/\(id)/feed/" : nil, advertisedCommentCount: advertised),
                    listed: true, searchText: "")
                for number in 0..<cached {
                    _ = try session.upsertComment(Comment(postID: post.id, sourceID: "\(id)-\(number)"), searchText: "")
                }
            }
            return blogID
        }
        let readInFull = try XCTUnwrap(
            store.commentStates(blogID: blogID, limit: 10).first { $0.sourceID == "read-in-full" })
        try store.markCommentsRead([(readInFull.postID, 4)])
    }

    func testOnlyPostsWhoseCommentsMayBeIncompleteAreChecked() throws {
        // When a sync whose posts feed answered 304 asks which posts to check, within the
        // newest six posts
        let checked = try store.commentStatesToCheck(
            blogID: blogID, limit: 6, includingPostsWithoutCommentFeed: false)
        // Then it gets those with no count or more advertised than cached and than read in
        // full, newest first, and never one past the window
        XCTAssertEqual(checked.map(\.sourceID), ["no-count", "short"])
        XCTAssertEqual(checked[1].cachedCommentCount, 1)
        XCTAssertEqual(checked[1].advertisedCommentCount, 3)
        XCTAssertEqual(checked[1].commentFeedURL, "https://b/short/feed/")
    }

    func testABlogWithAnotherCommentSourceChecksPostsWithoutAFeedToo() throws {
        let checked = try store.commentStatesToCheck(blogID: blogID, limit: 6, includingPostsWithoutCommentFeed: true)
        XCTAssertEqual(checked.map(\.sourceID), ["no-count", "short", "short-no-feed"])
    }

    func testTheyAreThoseOfTheFullStatesThatTheSyncWouldCheck() throws {
        // The filter in SQL must pick what the sync's own test picks from the full states.
        let all = try store.commentStates(blogID: blogID, limit: 6)
        let expected = all.filter { state in
            guard let advertised = state.advertisedCommentCount else { return true }
            return state.cachedCommentCount < advertised && state.commentsReadAtCount != advertised
        }
        let checked = try store.commentStatesToCheck(blogID: blogID, limit: 6, includingPostsWithoutCommentFeed: true)
        XCTAssertEqual(checked, expected)
    }
}
