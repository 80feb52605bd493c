import BlogFormats
import BlogModel
import BlogStore
import XCTest

@testable import BlogSync

/// A blog that is dead, broken or hostile is reported with its URL and leaves the cache as it was.
final class SyncEngineFailureTests: XCTestCase {
    private var server: TestServer!

    override func setUpWithError() throws {
        server = try TestServer()
    }

    override func tearDown() {
        server?.stop()
    }

    private func makeEngine(_ store: LibraryStore, maxBytes: Int = 1024 * 1024) -> SyncEngine {
        SyncEngine(
            store: store, options: SyncOptions(maxBytes: maxBytes, connectTimeout: 2, totalTimeout: 3, retryCap: 1))
    }

    private func subscribe(_ store: LibraryStore, path: String) throws -> Blog {
        let url = server.url(path).absoluteString
        let id = try store.writeSession { session in
            try session.upsertBlog(Blog(sourceKey: url, title: "Blog at \(path)", feedURL: url, origin: .feed))
        }
        return try XCTUnwrap(store.blog(id: id))
    }

    func testEveryBrokenBlogIsReportedWithItsURLAndTheOthersStillRun() async throws {
        // Given subscriptions to blogs that fail in different ways
        let store = try LibraryStore.inMemory()
        let paths = ["/status/404", "/status/500", "/html", "/redirect/loop", "/cut", "/big", "/retry-after/30"]
        for path in paths { _ = try subscribe(store, path: path) }
        let engine = makeEngine(store)
        // When they are all synced
        let started = Date()
        let results = try await engine.sync()
        // Then each failed on its own, named by URL, quickly, and the failure is stored
        XCTAssertEqual(results.count, paths.count)
        XCTAssertLessThan(Date().timeIntervalSince(started), 15)
        for result in results {
            let error = try XCTUnwrap(result.error, "\(result.feedURL) should fail")
            XCTAssertTrue(error.contains("http://127.0.0.1:\(server.port)/"), error)
        }
        let byPath = Dictionary(uniqueKeysWithValues: results.map { (URL(string: $0.feedURL)!.path, $0.error ?? "") })
        XCTAssertTrue(byPath["/status/404"]!.contains("404"))
        XCTAssertTrue(byPath["/html"]!.contains("not a feed"))
        XCTAssertTrue(byPath["/redirect/loop"]!.contains("redirect loop"))
        XCTAssertTrue(byPath["/big"]!.contains("larger than"))
        let stored = try store.blogs().map(\.blog)
        XCTAssertTrue(stored.allSatisfy { $0.lastError != nil && $0.lastSync != nil })
    }

    func testAFailedSyncKeepsWhatWasCached() async throws {
        // Given a blog with a cached post whose feed is now gone
        let store = try LibraryStore.inMemory()
        let blog = try subscribe(store, path: "/status/410")
        let document = ParsedFeed(
            kind: .rss2, title: "Kept", items: [FeedItem(post: Post(sourceID: "p1", title: "Cached post"))])
        _ = try FeedMerger(store: store).mergeFeed(document, blog: blog)
        // When it is synced
        let result = await makeEngine(store).sync(blog)
        // Then it fails, and the post is still there
        XCTAssertNotNil(result.error)
        XCTAssertEqual(try store.postCount(PostFilter(blogID: blog.id)), 1)
    }

    func testAddingAPageFindsItsFeedAndTheWordPressAPI() async throws {
        // Given a WordPress-like home page advertising its feeds and REST root
        try server.addFile(
            "home.html",
            contents: """
                <!DOCTYPE html><html><head><title>Home</title>
                <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Feed" href="/feed">
                <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Comments Feed" href="/comments/feed/">
                <link rel="https://api.w.org/" href="/wp-json/">
                </head><body>Hello</body></html>
                """)
        let store = try LibraryStore.inMemory()
        // When the page is added
        let blog = try await makeEngine(store).subscribe(server.url("/home.html"))
        // Then the posts feed and the WordPress site are recorded
        XCTAssertEqual(blog.feedURL, server.url("/feed").absoluteString)
        XCTAssertEqual(blog.origin, .wordpress)
        XCTAssertEqual(blog.siteURL, server.url("/").absoluteString)
    }

    func testAddingAnHTMLPageWithoutFeedsFailsNamingTheURL() async throws {
        let store = try LibraryStore.inMemory()
        do {
            _ = try await makeEngine(store).subscribe(server.url("/html"))
            XCTFail("expected a failure")
        } catch let error as FetchError {
            XCTAssertTrue(error.description.contains("/html"))
        }
    }

    func testFeedSniffingLooksAtTheRootElement() {
        XCTAssertTrue(
            Discovery.looksLikeFeed(Data("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">".utf8)))
        XCTAssertTrue(Discovery.looksLikeFeed(Data("<feed xmlns=\"http://www.w3.org/2005/Atom\">".utf8)))
        XCTAssertFalse(Discovery.looksLikeFeed(Data("<!DOCTYPE html><html>".utf8)))
        XCTAssertTrue(
            Discovery.looksLikeFeed(Data("  <RDF:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">".utf8)))
        XCTAssertFalse(Discovery.looksLikeFeed(Data("<?xml version=\"1.0\"".utf8)))
        XCTAssertFalse(Discovery.looksLikeFeed(Data()))
    }
}
