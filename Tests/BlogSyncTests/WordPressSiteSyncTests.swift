import BlogModel
import BlogStore
import Foundation
import LecternTestSupport
import XCTest

@testable import BlogSync

/// Subscribing to and syncing a real WordPress (Tests/WordPressSite), checked against what
/// WordPress itself says it holds: every published post, every approved comment, pingback
/// and trackback with WordPress's parent, in both permalink styles; new comments after one
/// sync whatever the posts feed says; an idle sync that costs a few small requests.
final class WordPressSiteSyncTests: XCTestCase {
    private var site: WordPressSite!

    override func setUpWithError() throws {
        site = try WordPressSite.shared()
        try site.reset()
    }

    func testFirstSyncHasEveryPostCommentPingbackAndParentWithPrettyPermalinks() async throws {
        try await assertFirstSyncIsComplete(.pretty)
    }

    func testFirstSyncHasEveryPostCommentPingbackAndParentWithPlainPermalinks() async throws {
        try await assertFirstSyncIsComplete(.plain)
    }

    func testFirstSyncIsCompleteForASiteInAFolder() async throws {
        // Given the site served from /blog/ (its REST root /blog/wp-json/, its guids still the old root's)
        try site.serve(fromFolder: "/blog")
        defer { try? site.serve(fromFolder: nil) }
        let truth = try site.truth()
        XCTAssertTrue(truth.posts.allSatisfy { $0.link.contains("/blog/") })

        // When /blog/ is added and synced
        let store = try LibraryStore.inMemory()
        let engine = SyncEngine(store: store)
        let blog = try await engine.subscribe(site.url("/blog/"))
        let result = await engine.sync(blog)

        // Then the API was found under the folder and every post and thread is complete
        XCTAssertNil(result.error)
        XCTAssertEqual(blog.apiRoot, site.url("/blog/wp-json/").absoluteString)
        XCTAssertEqual(try cachedThreads(store, blogID: blog.id), try expectedThreads(truth))
        let idle = await engine.sync(blog)
        XCTAssertLessThanOrEqual(idle.requests, 4)
    }

    func testASiteWhosePagesNameNoFeedIsFoundByItsAPI() async throws {
        // Given the site's pages without feed links (its Link header still names the API)
        try site.setOption("lectern_no_feed_links", "1")
        defer { try? site.setOption("lectern_no_feed_links", "0") }
        // When its home page is added and synced
        let (store, _, blog, result) = try await addSite()
        // Then its posts feed was found all the same, and the first sync is complete
        XCTAssertNil(result.error)
        XCTAssertEqual(blog.origin, .wordpress)
        XCTAssertEqual(try cachedThreads(store, blogID: blog.id), try expectedThreads())
    }

    func testCommentsWrittenOnOldAndNewPostsArriveWithOneSyncThoughThePostsFeedIsUnchanged() async throws {
        // Given the site, added and synced
        let (store, engine, blog, _) = try await addSite()
        let truth = try site.truth()
        let oldest = try XCTUnwrap(truth.posts.min { $0.dateGMT < $1.dateGMT })
        let newest = try XCTUnwrap(truth.posts.max { $0.dateGMT < $1.dateGMT })
        let busy = try XCTUnwrap(
            truth.posts.max { truth.visibleComments(of: $0.id).count < truth.visibleComments(of: $1.id).count })
        let parent = try XCTUnwrap(truth.visibleComments(of: busy.id).first { $0.type == "comment" })

        // When three comments are written (old post, new post, a reply deep in the long thread) and it syncs again
        let written = [
            try site.addComment(post: oldest.id, author: "Zoë Ångström", content: "<p>On an old post</p>"),
            try site.addComment(post: newest.id, author: "李小龙", content: "<p>On the newest post</p>"),
            try site.addComment(post: busy.id, parent: parent.id, author: "Jürgen", content: "<p>A <em>reply</em></p>"),
        ]
        let result = await engine.sync(blog)

        // Then the posts feed said nothing changed, yet all three are in their places
        XCTAssertNil(result.error)
        XCTAssertTrue(result.feedNotModified)
        XCTAssertEqual(result.newComments, 3)
        let threads = try cachedThreads(store, blogID: blog.id)
        XCTAssertEqual(threads[oldest.link]?[String(written[0])], "-")
        XCTAssertEqual(threads[newest.link]?[String(written[1])], "-")
        XCTAssertEqual(threads[busy.link]?[String(written[2])], String(parent.id))
        XCTAssertEqual(threads, try expectedThreads())
    }

    func testAnIdleSyncCostsAFewSmallRequests() async throws {
        // Given the site, added and synced
        let (_, engine, blog, first) = try await addSite()
        // When it syncs again with nothing new
        let idle = await engine.sync(blog)
        // Then a handful of requests brought almost nothing, and nothing changed
        print(
            "WordPress site sync: first \(first.requests) requests, \(first.bytes) bytes; idle \(idle.requests) requests, \(idle.bytes) bytes"
        )
        XCTAssertNil(idle.error)
        XCTAssertLessThanOrEqual(idle.requests, 4)
        XCTAssertLessThan(idle.bytes, 200)
        XCTAssertEqual(idle.newPosts + idle.updatedPosts + idle.newComments + idle.updatedComments, 0)
        XCTAssertEqual(idle.commentFailures, [])
    }

    func testABackdatedCommentAndAnOldCommentApprovedLaterArrive() async throws {
        // Given the site, added and synced, with a comment held for moderation since the fill
        let (store, engine, blog, _) = try await addSite()
        let truth = try site.truth()
        let published = Set(truth.posts.map(\.id))
        let held = try XCTUnwrap(truth.comments.first { $0.status == "hold" && published.contains($0.post) })
        let oldest = try XCTUnwrap(truth.posts.min { $0.dateGMT < $1.dateGMT })
        // When a comment dated years ago is written and the held one is approved
        let backdated = try site.addComment(
            post: oldest.id, content: "<p>Imported from the old blog</p>", date: oldest.date.addingTimeInterval(3600))
        try site.setStatus(comment: held.id, .approve)
        let result = await engine.sync(blog)
        // Then both are in their threads after one sync
        XCTAssertNil(result.error)
        let threads = try cachedThreads(store, blogID: blog.id)
        XCTAssertNotNil(threads[oldest.link]?[String(backdated)])
        let heldPost = try XCTUnwrap(truth.post(held.post))
        XCTAssertNotNil(threads[heldPost.link]?[String(held.id)])
        XCTAssertEqual(threads, try expectedThreads())
    }

    func testACommentTheSiteSpammedLeavesItsThreadWhenThePostIsReadAgain() async throws {
        // Given the site, added and synced
        let (store, engine, blog, _) = try await addSite()
        let truth = try site.truth()
        let post = try XCTUnwrap(truth.posts.first { truth.visibleComments(of: $0.id).count > 3 })
        let spammed = try XCTUnwrap(truth.visibleComments(of: post.id).first { $0.type == "comment" })
        // When the site spams one of its comments, someone comments there again, and it syncs
        try site.setStatus(comment: spammed.id, .spam)
        let added = try site.addComment(post: post.id, content: "<p>Still here</p>")
        let result = await engine.sync(blog)
        // Then the spammed comment left the thread and the new one is in it
        XCTAssertNil(result.error)
        let thread = try cachedThreads(store, blogID: blog.id)[post.link] ?? [:]
        XCTAssertNil(thread[String(spammed.id)])
        XCTAssertEqual(thread[String(added)], "-")
        XCTAssertEqual(try cachedThreads(store, blogID: blog.id), try expectedThreads())
    }

    func testANewPostMadeThroughTheRESTAPIAndItsCommentsArrive() async throws {
        // Given the site, added and synced
        let (store, engine, blog, _) = try await addSite()
        // When a post is published through the REST API (a pretty-permalink guid) and commented on
        let post = try site.addPost(title: "Made in an app", throughREST: true)
        XCTAssertFalse(post.guid.contains("?p="), post.guid)
        let first = try site.addComment(post: post.id, content: "<p>First</p>")
        let reply = try site.addComment(post: post.id, parent: first, content: "<p>Reply</p>")
        let result = await engine.sync(blog)
        // Then it is the one new post (the feed's other posts are not rewritten), known by its
        // WordPress id, and its thread has the reply under its parent
        XCTAssertNil(result.error)
        XCTAssertEqual(result.newPosts, 1)
        XCTAssertEqual(result.updatedPosts, 0)
        let cached = try XCTUnwrap(
            store.postWindow(PostFilter(blogID: blog.id), after: nil, limit: 100)
                .first { $0.link == post.link })
        XCTAssertEqual(try store.post(id: cached.id)?.remotePostID, post.id)
        let thread = try cachedThreads(store, blogID: blog.id)[post.link]
        XCTAssertEqual(thread, [String(first): "-", String(reply): String(first)])
    }

    func testASiteWhoseRESTAPIRefusesEveryoneSyncsFromItsFeeds() async throws {
        // Given the site with its REST API refused to anonymous callers (still advertised)
        try site.setOption("lectern_rest_disabled", "1")
        defer { try? site.setOption("lectern_rest_disabled", "0") }
        let truth = try site.truth()

        // When it is added and synced
        let (store, engine, blog, result) = try await addSite()

        // Then every post came from the feed's pages, and every thread the comment feeds can
        // show (ten comments or fewer) is complete
        XCTAssertNil(result.error)
        let summaries = try store.postWindow(PostFilter(blogID: blog.id), after: nil, limit: 10_000)
        XCTAssertEqual(Set(summaries.map(\.link)), Set(truth.posts.map(\.link)))
        let cached = try cachedThreads(store, blogID: blog.id)
        for post in truth.posts {
            let expected = Set(truth.visibleComments(of: post.id).map { String($0.id) })
            let have = Set((cached[post.link] ?? [:]).keys)
            XCTAssertTrue(have.isSubset(of: expected), post.title)
            if expected.count <= 10 { XCTAssertEqual(have, expected, post.title) }
        }
        // And a second sync is quiet
        let idle = await engine.sync(blog)
        XCTAssertNil(idle.error)
        XCTAssertEqual(idle.newComments + idle.updatedComments + idle.newPosts, 0)
    }

    // MARK: Helpers

    private func assertFirstSyncIsComplete(_ style: WordPressSite.Permalinks) async throws {
        // Given the site with `style` permalinks
        try site.permalinks(style)
        defer { try? site.permalinks(.pretty) }
        let truth = try site.truth()

        // When its home page is added and synced
        let (store, _, blog, result) = try await addSite()

        // Then every published post is there, once, with its terms and comment status
        XCTAssertNil(result.error, "\(style)")
        XCTAssertEqual(result.newPosts, truth.posts.count)
        XCTAssertEqual(result.updatedPosts, 0)
        XCTAssertEqual(result.commentFailures, [], "\(style)")
        let stored = try XCTUnwrap(store.blog(id: blog.id))
        XCTAssertEqual(stored.title, "Lectern Test Site")
        XCTAssertEqual(stored.origin, .wordpress)
        let summaries = try store.postWindow(PostFilter(blogID: blog.id), after: nil, limit: 10_000)
        XCTAssertEqual(Set(summaries.map(\.link)), Set(truth.posts.map(\.link)), "\(style)")
        XCTAssertGreaterThan(truth.posts.count, 10)
        for expected in truth.posts {
            guard let summary = summaries.first(where: { $0.link == expected.link }),
                let post = try store.post(id: summary.id)
            else { continue }
            XCTAssertEqual(post.remotePostID, expected.id, expected.title)
            XCTAssertEqual(Set(post.categories), Set(expected.categories), expected.title)
            XCTAssertEqual(Set(post.tags), Set(expected.tags), expected.title)
            XCTAssertEqual(post.commentsOpen, expected.commentsOpen, expected.title)
        }
        // And every approved comment, pingback and trackback, under WordPress's parent
        let cached = try cachedThreads(store, blogID: blog.id)
        let expected = try expectedThreads(truth)
        XCTAssertEqual(cached, expected, "\(style)")
        for (link, thread) in expected where cached[link] != thread {
            let have = cached[link] ?? [:]
            let missing = thread.filter { have[$0.key] != $0.value }
            let extra = have.filter { thread[$0.key] != $0.value }
            XCTFail("\(style) \(link): missing \(missing) extra \(extra)")
        }
        XCTAssertEqual(cached.values.map(\.count).reduce(0, +), truth.visibleComments.count)
        // And pingbacks and trackbacks are not shown as comments
        for comment in truth.visibleComments where comment.type != "comment" {
            let link = try XCTUnwrap(truth.post(comment.post)?.link)
            let postID = try XCTUnwrap(summaries.first { $0.link == link }?.id)
            let kind = try store.comments(postID: postID).first { $0.sourceID == String(comment.id) }?.kind
            XCTAssertNotEqual(kind, .comment, "\(comment.type) \(comment.id)")
        }
    }

    /// Adds the site by its home page, as `lectern add` does, and syncs it once.
    private func addSite() async throws -> (LibraryStore, SyncEngine, Blog, SyncResult) {
        let store = try LibraryStore.inMemory()
        let engine = SyncEngine(store: store)
        let blog = try await engine.subscribe(site.url("/"))
        let result = await engine.sync(blog)
        XCTAssertNil(result.error)
        return (store, engine, blog, result)
    }

    /// The site's visible threads as `comment id → parent id` ("-" at the top), by post link.
    private func expectedThreads(_ truth: WordPressSite.Truth? = nil) throws -> [String: [String: String]] {
        let truth = try truth ?? site.truth()
        var threads: [String: [String: String]] = [:]
        for post in truth.posts {
            var thread: [String: String] = [:]
            for comment in truth.visibleComments(of: post.id) {
                thread[String(comment.id)] = comment.parent == 0 ? "-" : String(comment.parent)
            }
            threads[post.link] = thread
        }
        return threads
    }

    private func cachedThreads(_ store: LibraryStore, blogID: Int64) throws -> [String: [String: String]] {
        try CachedThreads.parents(in: store, blogID: blogID)
    }
}
