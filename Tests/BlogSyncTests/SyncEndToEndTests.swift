import BlogFormats
import BlogModel
import BlogStore
import LecternTestSupport
import XCTest

@testable import BlogSync

/// Real blogs served over HTTP on 127.0.0.1, synced end to end into a real cache.
final class SyncEndToEndTests: XCTestCase {
    private var server: SyncSiteServer!
    private var generated: GeneratedBlog?

    override func setUpWithError() throws {
        server = try SyncSiteServer()
    }

    override func tearDown() {
        server?.stop()
        generated?.remove()
    }

    private func makeEngine(_ store: LibraryStore) -> SyncEngine {
        SyncEngine(store: store, options: SyncOptions(connectTimeout: 2, totalTimeout: 5, retryCap: 1))
    }

    private func serveGeneratedBlog() throws -> GeneratedBlog {
        let blog = try GeneratedBlog.make()
        generated = blog
        try blog.serve(on: server)
        return blog
    }

    func testRSSBlogGetsEveryThreadFromItsCommentFeedsAndTheReplyPrefix() async throws {
        // Given the generated blog's RSS feed, whose posts name per-post comment feeds
        let generated = try serveGeneratedBlog()
        let store = try LibraryStore.inMemory()
        let blog = try SyncFixtures.subscribe(store, feed: server.url("/etag/gen/rss.xml"), title: "RSS")
        // When it is synced
        let result = await makeEngine(store).sync(blog)
        // Then every post and every approved comment arrived, replies under their parents
        XCTAssertNil(result.error)
        XCTAssertEqual(result.commentFailures, [])
        XCTAssertEqual(result.newPosts, 15)
        let expected = try generated.threadsFromExport()
        XCTAssertEqual(result.newComments, expected.values.reduce(0) { $0 + $1.count })
        XCTAssertEqual(try CachedThreads.parents(in: store, blogID: blog.id), expected)
        // and no reply text still starts with the "In reply to" line
        for summary in try store.postWindow(PostFilter(blogID: blog.id), after: nil, limit: 100) {
            for comment in try store.comments(postID: summary.id) {
                XCTAssertFalse(comment.contentHTML.contains("In reply to <a"), comment.sourceID)
            }
        }
    }

    func testAtomFeedWithThreadedEntriesPutsRepliesUnderTheirParents() async throws {
        // Given the generated blog's Atom feed, comments interleaved with thr:in-reply-to
        let generated = try serveGeneratedBlog()
        let store = try LibraryStore.inMemory()
        let blog = try SyncFixtures.subscribe(store, feed: server.url("/etag/gen/atom.xml"), title: "Atom")
        // When it is synced
        let result = await makeEngine(store).sync(blog)
        // Then the threads are those of the export, with no comment feed fetched
        XCTAssertNil(result.error)
        XCTAssertEqual(result.newPosts, 15)
        XCTAssertEqual(result.commentFetches, 0)
        XCTAssertEqual(try CachedThreads.parents(in: store, blogID: blog.id), try generated.threadsFromExport())
    }

    func testASecondSyncWithNothingNewGetsOnly304s() async throws {
        // Given an RSS blog with comment feeds and an Atom blog, synced once (a real WordPress
        // site's idle sync is tested in WordPressSiteSyncTests)
        _ = try serveGeneratedBlog()
        let store = try LibraryStore.inMemory()
        let engine = makeEngine(store)
        _ = try SyncFixtures.subscribe(store, feed: server.url("/etag/gen/rss.xml"), title: "RSS")
        _ = try SyncFixtures.subscribe(store, feed: server.url("/etag/gen/atom.xml"), title: "Atom")
        let first = try await engine.sync()
        XCTAssertEqual(first.filter(\.failed), [])
        _ = try await server.answers(clear: true)
        // When they are synced again with nothing new
        let second = try await engine.sync()
        // Then every request was conditional and answered 304, and nothing changed
        let answers = try await server.answers()
        XCTAssertEqual(answers.count, 2, answers.map(\.path).joined(separator: "\n"))
        XCTAssertEqual(answers.filter { $0.status != 304 }.map(\.path), [])
        for result in second {
            XCTAssertTrue(result.feedNotModified, result.title)
            XCTAssertEqual(result.commentNotModified, result.commentFetches, result.title)
            XCTAssertEqual(result.newPosts + result.updatedPosts + result.newComments + result.updatedComments, 0)
        }
    }

    func testAPostsFeedAnswering304ReadsAgainOnlyTheCommentFeedThatFailed() async throws {
        // Given the generated RSS blog whose first sync could not read one post's comments
        _ = try serveGeneratedBlog()
        let feed = try String(contentsOf: server.root.appendingPathComponent("gen/rss.xml"), encoding: .utf8)
        let items = feed.components(separatedBy: "<item>").dropFirst()
        let commented = try XCTUnwrap(
            items.first { item in
                guard let count = item.range(of: #"<slash:comments>[1-9][0-9]*<"#, options: .regularExpression) else {
                    return false
                }
                return !item[count].isEmpty && item.contains("<wfw:commentRss>")
            })
        let linkRange = try XCTUnwrap(
            commented.range(of: #"<wfw:commentRss>[^<]+</wfw:commentRss>"#, options: .regularExpression))
        let commentFeedPath = try XCTUnwrap(
            URL(string: String(commented[linkRange].dropFirst(16).dropLast(17)))?.path)
        let commentFile = server.root.appendingPathComponent(
            "gen/comments/" + URL(fileURLWithPath: commentFeedPath).lastPathComponent)
        let hidden = commentFile.appendingPathExtension("hidden")
        try FileManager.default.moveItem(at: commentFile, to: hidden)
        let store = try LibraryStore.inMemory()
        let engine = makeEngine(store)
        let blog = try SyncFixtures.subscribe(store, feed: server.url("/etag/gen/rss.xml"), title: "RSS")
        let first = await engine.sync(blog)
        XCTAssertEqual(first.commentFailures.count, 1, "\(first.commentFailures)")
        // When the comment feed is back and the blog is synced again, its posts feed unchanged
        try FileManager.default.moveItem(at: hidden, to: commentFile)
        _ = try await server.answers(clear: true)
        let second = await engine.sync(blog)
        // Then the posts feed answered 304 and only that one comment feed was read, in full
        let answers = try await server.answers()
        XCTAssertEqual(answers.map(\.path), ["/etag/gen/rss.xml", commentFeedPath])
        XCTAssertEqual(answers.first?.status, 304)
        XCTAssertTrue(second.feedNotModified)
        XCTAssertGreaterThan(second.newComments, 0)
        XCTAssertEqual(second.commentFailures, [])
        // and a third sync has nothing left to ask
        _ = try await server.answers(clear: true)
        _ = await engine.sync(blog)
        let third = try await server.answers()
        XCTAssertEqual(third.map(\.path), ["/etag/gen/rss.xml"])
    }

    func testANewCommentIsFetchedFromTheOnePostWhoseAdvertisedCountChanged() async throws {
        // Given the generated RSS blog, synced once
        _ = try serveGeneratedBlog()
        let store = try LibraryStore.inMemory()
        let engine = makeEngine(store)
        let blog = try SyncFixtures.subscribe(store, feed: server.url("/etag/gen/rss.xml"), title: "RSS")
        let first = await engine.sync(blog)
        XCTAssertNil(first.error)
        // When one post gets a new comment: its comment feed grows, the posts feed counts it
        let feedFile = server.root.appendingPathComponent("gen/rss.xml")
        var feed = try String(contentsOf: feedFile, encoding: .utf8)
        let countRange = try XCTUnwrap(
            feed.range(of: #"<slash:comments>[0-9]+</slash:comments>"#, options: .regularExpression))
        let count = try XCTUnwrap(Int(feed[countRange].filter(\.isNumber)))
        let linkRange = try XCTUnwrap(
            feed.range(
                of: #"<wfw:commentRss>[^<]+</wfw:commentRss>"#, options: [.regularExpression, .backwards],
                range: feed.startIndex..<countRange.lowerBound))
        let commentFeedPath = try XCTUnwrap(URL(string: String(feed[linkRange].dropFirst(16).dropLast(17)))?.path)
        feed.replaceSubrange(countRange, with: "<slash:comments>\(count + 1)</slash:comments>")
        try server.write("gen/rss.xml", text: feed)
        try GeneratedBlog.addComment(
            on: server, commentFeedPath: commentFeedPath, number: 99999, author: "Newcomer", text: "Late to the party.")
        _ = try await server.answers(clear: true)
        let result = await engine.sync(blog)
        // Then only the posts feed and that post's comment feed were fetched, and the comment arrived
        let answers = try await server.answers()
        XCTAssertEqual(answers.map(\.path), ["/etag/gen/rss.xml", commentFeedPath])
        XCTAssertEqual(result.newComments, 1)
        XCTAssertNil(result.error)
    }

    func testHostileBrokenAndDeadBlogsFailAloneNamingTheirURL() async throws {
        // Given a secret file, a feed with external entities aiming at it and at the server,
        // an entity bomb, an ill-formed feed, a blog on a closed port, and one good blog
        let secret = "SECRET-\(UUID().uuidString)"
        let secretFile = server.root.appendingPathComponent("secret.txt")
        try secret.write(to: secretFile, atomically: true, encoding: .utf8)
        try server.write(
            "xxe.xml",
            text: """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY file SYSTEM "file://\(secretFile.path)"><!ENTITY net SYSTEM "\(server.base)/leak">]>
                <rss version="2.0"><channel><title>XXE</title><link>http://x/</link>
                <item><title>&file;</title><guid>x1</guid><description>&net;</description></item></channel></rss>
                """)
        let laughs = (1...10).map { level in
            "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }.joined()
        try server.write(
            "bomb.xml",
            text: """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY l0 "lol">\(laughs)]>
                <rss version="2.0"><channel><title>Bomb</title><item><title>&l10;</title><guid>b1</guid></item></channel></rss>
                """)
        try server.write(
            "broken.xml", text: "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<title>Cut</title><item>\n")
        try server.write(
            "good.xml",
            text: """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Good</title><link>http://good/</link>
                <item><title>Fine</title><guid>g1</guid><description>ok</description></item></channel></rss>
                """)
        let closed = try SyncSiteServer()
        let deadURL = closed.url("/feed")
        closed.stop()
        let store = try LibraryStore.inMemory()
        for path in ["/xxe.xml", "/bomb.xml", "/broken.xml", "/good.xml"] {
            _ = try SyncFixtures.subscribe(store, feed: server.url(path), title: path)
        }
        _ = try SyncFixtures.subscribe(store, feed: deadURL, title: "Dead")
        // When all are synced
        let started = Date()
        let results = try await makeEngine(store).sync()
        // Then it took seconds, only the good blog synced, and each failure names its URL
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        let byFeed = Dictionary(uniqueKeysWithValues: results.map { ($0.feedURL, $0) })
        XCTAssertEqual(byFeed[server.url("/good.xml").absoluteString]?.newPosts, 1)
        XCTAssertNil(byFeed[server.url("/good.xml").absoluteString]?.error)
        for url in [server.url("/xxe.xml"), server.url("/bomb.xml"), server.url("/broken.xml"), deadURL] {
            let error = try XCTUnwrap(byFeed[url.absoluteString]?.error, "\(url) should fail")
            XCTAssertTrue(error.contains(url.absoluteString), error)
        }
        let broken = byFeed[server.url("/broken.xml").absoluteString]?.error ?? ""
        XCTAssertNotNil(broken.range(of: #"broken\.xml:[0-9]+:[0-9]+: "#, options: .regularExpression), broken)
        // and nothing leaked: no fetch of the external entity, no secret in the cache
        let answers = try await server.answers()
        XCTAssertFalse(answers.contains { $0.path.contains("leak") })
        XCTAssertTrue(try store.search(secret, limit: 5).isEmpty)
        for blog in try store.blogs() {
            for summary in try store.postWindow(PostFilter(blogID: blog.id), after: nil, limit: 10) {
                let post = try XCTUnwrap(store.post(id: summary.id))
                XCTAssertFalse(post.title.contains(secret) || post.contentHTML.contains(secret))
                XCTAssertFalse(post.title.contains("lollollol"))
            }
        }
        XCTAssertEqual(try store.blogs().filter { $0.blog.lastError != nil }.count, 4)
        // and `lectern sync` would exit non-zero, but zero for the good blog alone
        XCTAssertEqual(SyncResult.exitStatus(of: results), 1)
        XCTAssertEqual(SyncResult.exitStatus(of: results.filter { !$0.failed }), 0)
    }
}
