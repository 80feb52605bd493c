import BlogFormats
import BlogModel
import BlogStore
import XCTest

@testable import BlogSync

final class FeedMergerTests: XCTestCase {
    private let postGuid = "https://blog.example.org/?p=14"

    private func makeBlog() -> Blog {
        Blog(
            sourceKey: "https://blog.example.org/feed/", title: "Field Notes",
            feedURL: "https://blog.example.org/feed/", origin: .feed)
    }

    private func makePostEntry() -> FeedItem {
        let post = Post(
            sourceID: postGuid, title: "A post", link: "https://blog.example.org/a-post/", contentHTML: "<p>Body</p>")
        return FeedItem(post: post, atomID: postGuid)
    }

    private func makeCommentEntry(_ id: Int, replyTo ref: String? = nil, html: String = "<p>Hi</p>") -> FeedItem {
        let guid = "\(postGuid)#comment-\(id)"
        let post = Post(
            sourceID: guid, title: "By: Reader \(id)", link: "https://blog.example.org/a-post/#comment-\(id)",
            author: "Reader \(id)", contentHTML: html)
        return FeedItem(
            post: post, atomID: guid, inReplyTo: ref.map { [FeedItem.InReplyTo(ref: $0)] } ?? [],
            wordpressCommentID: String(id))
    }

    private func makeFeed(_ items: [FeedItem], title: String = "Field Notes") -> ParsedFeed {
        ParsedFeed(kind: .atom, title: title, items: items)
    }

    private func parents(_ store: LibraryStore, postID: Int64) throws -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: try store.comments(postID: postID).map { ($0.sourceID, $0.parentSourceID ?? "-") })
    }

    func testAtomFeedWithCommentEntriesPutsRepliesUnderTheirParents() throws {
        // Given an Atom feed interleaving a post with threaded comment entries
        let store = try LibraryStore.inMemory()
        let document = makeFeed([
            makePostEntry(),
            makeCommentEntry(13, replyTo: postGuid),
            makeCommentEntry(15, replyTo: "\(postGuid)#comment-13"),
        ])
        // When it is merged
        let merged = try FeedMerger(store: store).mergeFeed(document, blog: makeBlog())
        // Then the post is stored once and the reply hangs under its parent
        let postID = try XCTUnwrap(merged.postIDs[postGuid])
        XCTAssertEqual(merged.counts.newPosts, 1)
        XCTAssertEqual(merged.counts.newComments, 2)
        XCTAssertEqual(try parents(store, postID: postID), ["13": "-", "15": "13"])
    }

    func testMergingTheSameFeedTwiceChangesNothingAndKeepsReadState() throws {
        let store = try LibraryStore.inMemory()
        let document = makeFeed([makePostEntry(), makeCommentEntry(13, replyTo: postGuid)])
        let merger = FeedMerger(store: store)
        let first = try merger.mergeFeed(document, blog: makeBlog())
        let postID = try XCTUnwrap(first.postIDs[postGuid])
        try store.markPostRead(postID)
        try store.setStarred(postID, starred: true)

        let second = try merger.mergeFeed(document, blog: makeBlog())

        XCTAssertEqual(second.counts.newPosts + second.counts.updatedPosts, 0)
        XCTAssertEqual(second.counts.newComments + second.counts.updatedComments, 0)
        XCTAssertEqual(second.counts.unchangedPosts, 1)
        let summary = try XCTUnwrap(store.postWindow(PostFilter(), after: nil, limit: 10).first)
        XCTAssertFalse(summary.unread)
        XCTAssertTrue(summary.starred)
    }

    func testRSSReplyPrefixBecomesTheParentAndLeavesTheBody() throws {
        // Given an RSS comment feed item written the WordPress way
        let html =
            "<p>In reply to <a href=\"https://blog.example.org/a-post/#comment-13\">fan928</a>.</p>\n<p>Agreed.</p>"
        let document = makeFeed([makeCommentEntry(16, html: html)], title: "Comments")
        // When its comments are read
        let comments = FeedCommentList.comments(from: document, postIDs: [postGuid])
        // Then the prefix is the parent and no longer part of the text
        XCTAssertEqual(comments.first?.comment.sourceID, "16")
        XCTAssertEqual(comments.first?.comment.parentSourceID, "13")
        XCTAssertEqual(comments.first?.comment.contentHTML, "<p>Agreed.</p>")
        XCTAssertTrue(comments.first?.knowsParent ?? false)
    }

    func testFlatSourceNeverErasesAParentAndLateParentsReattach() throws {
        let store = try LibraryStore.inMemory()
        let merger = FeedMerger(store: store)
        let postID = try XCTUnwrap(merger.mergeFeed(makeFeed([makePostEntry()]), blog: makeBlog()).postIDs[postGuid])
        // Given a reply stored from a threaded source, whose parent is not cached yet
        let reply = FeedComment(
            comment: Comment(sourceID: "15", parentSourceID: "13", contentHTML: "<p>Yes</p>"), knowsParent: true)
        _ = try merger.mergeComments([postID: [reply]])
        XCTAssertEqual(
            CommentThread(comments: try store.comments(postID: postID)).rows.first?.depth, 0,
            "promoted while the parent is missing")
        // When a flat RSS feed later brings the same reply without a parent, and the parent
        let flat = FeedComment(comment: Comment(sourceID: "15", contentHTML: "<p>Yes</p>"), knowsParent: false)
        let parent = FeedComment(comment: Comment(sourceID: "13", contentHTML: "<p>Hm</p>"), knowsParent: false)
        let counts = try merger.mergeComments([postID: [parent, flat]])
        // Then the parent is added, the reply keeps its parent and re-attaches under it
        XCTAssertEqual(counts.newComments, 1)
        XCTAssertEqual(counts.updatedComments, 0)
        let thread = CommentThread(comments: try store.comments(postID: postID))
        XCTAssertEqual(thread.rows.map(\.depth), [0, 1])
    }

    func testWordPressIdsComeFromGuidsAndLinks() {
        XCTAssertEqual(FeedCommentIdentity.wordpressCommentID(in: "https://b/?p=4#comment-42"), "42")
        XCTAssertNil(FeedCommentIdentity.wordpressCommentID(in: "https://b/?p=4#comments"))
        XCTAssertEqual(FeedCommentIdentity.wordpressPostID(inGuid: "https://b/?p=14"), 14)
        XCTAssertEqual(FeedCommentIdentity.parentID(fromRef: "https://b/?p=4#comment-7"), "7")
    }
}
