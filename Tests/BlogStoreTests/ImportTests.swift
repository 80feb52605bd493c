import BlogModel
import BlogStore
import XCTest

final class ImportTests: XCTestCase {
    func testReimportingIdenticalDataWritesNothingAndKeepsReadState() throws {
        // Given an imported blog whose first post was read, starred and visited
        let store = try LibraryStore.inMemory()
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 3, comments: 2)
        try store.markPostVisited(postIDs[0])
        try store.setStarred(postIDs[0], starred: true)

        // When the same data is imported again
        let outcomes = try store.writeSession { session -> [UpsertOutcome] in
            let blogID = try session.upsertBlog(StoreFixtures.makeBlog())
            var outcomes: [UpsertOutcome] = []
            for number in 0..<3 {
                let post = StoreFixtures.makePost(number, blogID: blogID)
                let outcome = try session.upsertPost(
                    post, listed: true, searchText: StoreFixtures.plain(post.contentHTML))
                outcomes.append(outcome)
                for index in 0..<2 {
                    let comment = StoreFixtures.makeComment(index, postID: outcome.id)
                    outcomes.append(
                        try session.upsertComment(
                            comment, searchText: StoreFixtures.plain(comment.contentHTML)))
                }
            }
            return outcomes
        }

        // Then nothing changed, and the reader's state is intact
        XCTAssertTrue(outcomes.allSatisfy { if case .unchanged = $0 { true } else { false } }, "\(outcomes)")
        let first = try XCTUnwrap(store.postWindow(PostFilter(), after: nil, limit: 10).last)
        XCTAssertEqual(first.id, postIDs[0])
        XCTAssertFalse(first.unread)
        XCTAssertTrue(first.starred)
        XCTAssertEqual(first.commentCount, 2)
        XCTAssertEqual(first.newCommentCount, 0)
        XCTAssertEqual(try store.postCount(PostFilter()), 3)
    }

    func testEditedPostUpdatesInPlace() throws {
        // Given an imported post the reader has read
        let store = try LibraryStore.inMemory()
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 1)
        try store.markPostRead(postIDs[0])

        // When the post comes back with a new title, body and tags
        let (_, again) = try StoreFixtures.importBlog(into: store, posts: 1) { _, post in
            post.title = "Corrected title"
            post.contentHTML = "<p>Corrected body mentioning zeppelins</p>"
            post.tags = ["fixed"]
        }

        // Then it is the same post, with the new content, still read, and findable by the new words
        XCTAssertEqual(again, postIDs)
        let post = try XCTUnwrap(store.post(id: postIDs[0]))
        XCTAssertEqual(post.title, "Corrected title")
        XCTAssertEqual(post.contentHTML, "<p>Corrected body mentioning zeppelins</p>")
        XCTAssertEqual(post.tags, ["fixed"])
        XCTAssertEqual(try store.postCount(PostFilter()), 1)
        XCTAssertEqual(try store.unreadCount(PostFilter()), 0)
        XCTAssertEqual(try store.search("zeppelins", limit: 5).map(\.postID), postIDs)
        XCTAssertEqual(try store.search("of", limit: 5), [], "the old body is gone from the index")
    }

    func testThrowingImportSessionLeavesCacheUntouched() throws {
        // Given a cache with one blog of two posts
        let store = try LibraryStore.inMemory()
        try StoreFixtures.importBlog(into: store, posts: 2)

        // When an import writes a new blog and posts, then fails
        XCTAssertThrowsError(
            try store.writeSession { session in
                let blogID = try session.upsertBlog(StoreFixtures.makeBlog("https://other.example/feed"))
                _ = try session.upsertPost(
                    StoreFixtures.makePost(9, blogID: blogID), listed: true, searchText: "ghost")
                throw ImportAborted()
            })

        // Then the cache is exactly as it was
        XCTAssertEqual(try store.blogs().count, 1)
        XCTAssertEqual(try store.postCount(PostFilter()), 2)
        XCTAssertNil(try store.blog(sourceKey: "https://other.example/feed"))
        XCTAssertEqual(try store.search("ghost", limit: 5), [])
    }

    func testCommentThatBecomesSpamDisappears() throws {
        // Given a post with three approved comments
        let store = try LibraryStore.inMemory()
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 1, comments: 3)

        // When a later import marks comment 1 as spam
        let outcome = try store.writeSession { session in
            try session.upsertComment(
                StoreFixtures.makeComment(1, postID: postIDs[0], status: .spam), searchText: "Comment 1")
        }

        // Then it is updated in place and no view shows it
        guard case .updated = outcome else { return XCTFail("expected an update, got \(outcome)") }
        XCTAssertEqual(try store.comments(postID: postIDs[0]).map(\.sourceID), ["0", "2"])
        XCTAssertEqual(try store.postWindow(PostFilter(), after: nil, limit: 1).first?.commentCount, 2)
        XCTAssertEqual(try store.blogs().first?.commentCount, 2)
        XCTAssertFalse(try store.search("Comment", limit: 10).contains { $0.commentID == outcome.id })
    }

    func testCommentsArrivingAfterAVisitAreNew() throws {
        // Given a visited post with two comments
        let store = try LibraryStore.inMemory()
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 1, comments: 2)
        try store.markPostVisited(postIDs[0])

        // When a sync brings a third comment
        try StoreFixtures.importBlog(into: store, posts: 1, comments: 3)

        // Then only that one is new
        XCTAssertEqual(try store.comments(postID: postIDs[0]).map(\.isNew), [false, false, true])
        XCTAssertEqual(try store.postWindow(PostFilter(), after: nil, limit: 1).first?.newCommentCount, 1)
    }
}
