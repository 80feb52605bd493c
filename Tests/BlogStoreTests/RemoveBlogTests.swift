import BlogModel
import GRDB
import XCTest

@testable import BlogStore

/// `removeBlog(id:)`: a blog leaves every list with what it brought, in one transaction;
/// the user's drafts stay.
final class RemoveBlogTests: XCTestCase {
    private let removedRoot = "https://gone.example/wp-json/"

    /// Imports a blog under `key` with `posts` posts of `comments` comments each, the words
    /// `word` in every text so search can look for them; returns its id and post ids.
    @discardableResult
    private func importBlog(
        _ store: LibraryStore, key: String, title: String, word: String, posts: Int = 3, comments: Int = 2,
        apiRoot: String? = nil
    ) throws -> (blogID: Int64, postIDs: [Int64]) {
        try store.writeSession { session in
            let blogID = try session.upsertBlog(
                Blog(
                    sourceKey: key, title: title, siteURL: apiRoot.map { _ in "https://gone.example/" },
                    apiRoot: apiRoot, feedURL: key, origin: apiRoot == nil ? .feed : .wordpress))
            var postIDs: [Int64] = []
            for number in 0..<posts {
                var post = StoreFixtures.makePost(number, blogID: blogID, body: "\(word) post \(number)")
                post.sourceID = "\(key)#\(number)"
                post.commentFeedURL = "\(key)/comments/\(number)"
                let postID = try session.upsertPost(post, listed: true, searchText: "\(word) post \(number)").id
                postIDs.append(postID)
                for index in 0..<comments {
                    let comment = StoreFixtures.makeComment(index, postID: postID, text: "\(word) remark \(index)")
                    _ = try session.upsertComment(comment, searchText: "\(word) remark \(index)")
                }
            }
            return (blogID, postIDs)
        }
    }

    /// Validators saved for every URL a sync of the removed blog and of the kept one uses.
    private func saveValidators(_ store: LibraryStore) throws {
        let urls = [
            "https://gone.example/feed/", "https://gone.example/feed//comments/0",
            removedRoot + "wp/v2/comments?post=7&page=1", "https://gone.example/comments/feed/",
            "https://kept.example/feed/", "https://kept.example/feed//comments/0",
        ]
        try store.saveValidators(urls.map { ($0, HTTPValidators(etag: "\"v\"", lastModified: nil)) })
    }

    /// Runs FTS5's own consistency check: it throws when the index holds rows its text lacks.
    private func assertSearchIndexConsistent(_ store: LibraryStore, file: StaticString = #filePath, line: UInt = #line)
    {
        XCTAssertNoThrow(
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO post_fts (post_fts, rank) VALUES ('integrity-check', 1)")
                try db.execute(sql: "INSERT INTO comment_fts (comment_fts, rank) VALUES ('integrity-check', 1)")
            }, file: file, line: line)
    }

    func testRemovingABlogTakesItsPostsCommentsSearchTextAndValidatorsAndLeavesTheOthers() throws {
        // Given two synced blogs, indexed for search, with validators for their feeds
        let store = try LibraryStore.inMemory()
        let gone = try importBlog(
            store, key: "https://gone.example/feed/", title: "Gone", word: "zebra", apiRoot: removedRoot)
        let kept = try importBlog(store, key: "https://kept.example/feed/", title: "Kept", word: "yak")
        try saveValidators(store)
        XCTAssertEqual(try store.search("zebra", limit: 50).count, 9)

        // When the first is removed
        let removal = try XCTUnwrap(store.removeBlog(id: gone.blogID))

        // Then it said what went, and nothing was kept
        XCTAssertEqual(removal.removedLine, "removed \"Gone\" (3 posts, 6 comments)")
        XCTAssertNil(removal.keptLine)
        // And the blog, its posts, comments and search hits are gone; the other blog is whole
        XCTAssertEqual(try store.blogs().map(\.blog.title), ["Kept"])
        XCTAssertNil(try store.blog(id: gone.blogID))
        XCTAssertNil(try store.post(id: gone.postIDs[0]))
        XCTAssertEqual(try store.comments(postID: gone.postIDs[0]), [])
        XCTAssertEqual(try store.search("zebra", limit: 50), [])
        XCTAssertEqual(try store.search("yak", limit: 50).count, 9)
        XCTAssertEqual(try store.postCount(PostFilter()), 3)
        XCTAssertEqual(try store.comments(postID: kept.postIDs[0]).count, 2)
        assertSearchIndexConsistent(store)
        // And its validators are forgotten, the other blog's kept
        XCTAssertNil(try store.validators(for: "https://gone.example/feed/"))
        XCTAssertNil(try store.validators(for: "https://gone.example/feed//comments/0"))
        XCTAssertNil(try store.validators(for: removedRoot + "wp/v2/comments?post=7&page=1"))
        XCTAssertNil(try store.validators(for: "https://gone.example/comments/feed/"))
        XCTAssertNotNil(try store.validators(for: "https://kept.example/feed/"))
        XCTAssertNotNil(try store.validators(for: "https://kept.example/feed//comments/0"))
        // And asking again finds nothing to remove
        XCTAssertNil(try store.removeBlog(id: gone.blogID))
    }

    func testRemovingABlogKeepsItsDraftsWithThePostsAndCommentsTheyAnswer() throws {
        // Given a blog with two drafts on one post (one a reply to a comment) and another blog
        let store = try LibraryStore.inMemory()
        let gone = try importBlog(store, key: "https://gone.example/feed/", title: "Gone", word: "zebra")
        try importBlog(store, key: "https://kept.example/feed/", title: "Kept", word: "yak")
        let parent = try XCTUnwrap(store.comments(postID: gone.postIDs[1]).first)
        let reply = try store.saveDraft(
            Draft(postID: gone.postIDs[1], parentCommentID: parent.id, authorName: "Me", body: "I agree"))
        let comment = try store.saveDraft(Draft(postID: gone.postIDs[1], authorName: "Me", body: "Nice post"))
        XCTAssertEqual(try store.blogRemoval(id: gone.blogID)?.draftCount, 2)

        // When the blog is removed
        let removal = try XCTUnwrap(store.removeBlog(id: gone.blogID))

        // Then it says the drafts were kept
        XCTAssertEqual(removal.keptLine, "kept 2 drafts (and their posts) of Gone")
        XCTAssertEqual(removal.keptPostCount, 1)
        // And the drafts are unchanged, the reply still answering its comment
        XCTAssertEqual(try store.drafts(), [reply, comment])
        XCTAssertEqual(try store.post(id: gone.postIDs[1])?.title, "Post 1")
        XCTAssertEqual(try store.comments(postID: gone.postIDs[1]).map(\.id).contains(parent.id), true)
        // But the blog and that post are in no list, count, search or blog facet
        XCTAssertEqual(try store.blogs().map(\.blog.title), ["Kept"])
        XCTAssertEqual(try store.postCount(PostFilter()), 3)
        XCTAssertEqual(try store.postCount(PostFilter(blogID: gone.blogID)), 0)
        XCTAssertEqual(try store.search("zebra", limit: 50), [])
        XCTAssertEqual(try store.facets(.blog).map(\.name), ["Kept"])
        XCTAssertNil(try store.post(id: gone.postIDs[0]))
        assertSearchIndexConsistent(store)
        // And it cannot be removed twice
        XCTAssertNil(try store.blogRemoval(id: gone.blogID))
    }

    func testSubscribingAgainStartsAfreshAndTheKeptPostsGoWithTheirLastDraft() throws {
        // Given a removed blog that kept a draft
        let store = try LibraryStore.inMemory()
        let gone = try importBlog(store, key: "https://gone.example/feed/", title: "Gone", word: "zebra")
        let draft = try store.saveDraft(Draft(postID: gone.postIDs[0], authorName: "Me", body: "Hello"))
        try store.removeBlog(id: gone.blogID)
        XCTAssertFalse(try store.hasBlogs(), "a blog kept only for drafts is not a subscription")

        // When the same blog is subscribed to again
        let again = try importBlog(store, key: "https://gone.example/feed/", title: "Gone", word: "zebra")

        // Then it is a new blog with all its posts listed, and the draft still stands
        XCTAssertNotEqual(again.blogID, gone.blogID)
        XCTAssertEqual(try store.blogs().map(\.postCount), [3])
        XCTAssertEqual(try store.search("zebra", limit: 50).count, 9)
        XCTAssertEqual(try store.drafts(), [draft])

        // When the draft is deleted and another blog is removed later
        try store.deleteDraft(id: draft.id)
        try store.removeBlog(id: again.blogID)

        // Then nothing of the first removal is left either
        XCTAssertNil(try store.blog(id: gone.blogID))
        XCTAssertNil(try store.post(id: gone.postIDs[0]))
    }

    func testTheSiteCommentsFeedIsNamedAsTheSyncNamesIt() {
        // Given the two forms of REST root a WordPress advertises, Then the feed is found for each
        XCTAssertEqual(
            LibraryStore.siteCommentsFeed(apiRoot: "https://b.example/blog/wp-json/"),
            "https://b.example/blog/comments/feed/")
        XCTAssertEqual(
            LibraryStore.siteCommentsFeed(apiRoot: "https://b.example/index.php?rest_route=/"),
            "https://b.example/?feed=comments-rss2")
    }
}
