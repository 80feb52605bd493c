import BlogModel
import BlogStore
import Foundation
import XCTest

@testable import BlogSync

/// A sync among hostile blogs: each fails with one line naming its URL and what it did, caches
/// nothing, and the honest blogs beside it still sync; a legitimately huge feed syncs.
final class HTTPHostileSyncTests: XCTestCase {
    private var server: TestServer!

    override func setUpWithError() throws {
        server = try TestServer()
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    func testHostileBlogsFailAloneAndCacheNothing() async throws {
        // Given an honest blog among blogs whose servers attack
        let store = try LibraryStore.inMemory()
        let expected = [
            "/endless": "body larger than 8 MiB",
            "/huge-length": "body larger than 8 MiB",
            "/gzip-bomb?mib=64": "compressed body inflates more than 100 times (decompression bomb?)",
            "/high-ratio?mib=8": "compressed body inflates more than 100 times (decompression bomb?)",
            "/redirect/chain/15": "more than 10 redirects",
            "/bad-header":
                "unreadable response header (bytes that are not UTF-8, or a line that is not \"Name: value\")",
        ]
        var blogs: [String: Blog] = [:]
        for path in expected.keys.sorted() + ["/feed"] { blogs[path] = try subscribe(store, path: path) }
        let engine = SyncEngine(
            store: store, options: SyncOptions(maxBytes: 8 * 1024 * 1024, connectTimeout: 2, totalTimeout: 20))

        // When they are all synced together
        let results = try await engine.sync()

        // Then each hostile blog failed with its own line, and kept nothing
        let errors = Dictionary(uniqueKeysWithValues: results.map { ($0.feedURL, $0.error) })
        for (path, message) in expected {
            let url = server.url(path).absoluteString
            XCTAssertEqual(errors[url] ?? nil, "\(url): \(message)")
            let blog = try XCTUnwrap(blogs[path])
            XCTAssertEqual(try store.postCount(PostFilter(blogID: blog.id)), 0, path)
            XCTAssertNil(try store.validators(for: url), path)
        }
        // And the honest blog synced
        XCTAssertEqual(errors[server.url("/feed").absoluteString] ?? "missing", nil)
        XCTAssertEqual(try store.postCount(PostFilter(blogID: try XCTUnwrap(blogs["/feed"]).id)), 1)
    }

    func testFortyEightMegabyteFeedSyncs() async throws {
        // Given a legitimate Atom feed of about 46 MiB (1024 entries), over the old 20 MiB limit
        let store = try LibraryStore.inMemory()
        let blog = try subscribe(store, path: "/atom?mib=48")

        // When it is synced with the default limits
        let result = await SyncEngine(store: store, options: SyncOptions(totalTimeout: 120)).sync(blog)

        // Then every entry is in the cache
        XCTAssertNil(result.error)
        XCTAssertEqual(result.newPosts, 1024)
        XCTAssertGreaterThan(result.bytes, 40 * 1024 * 1024)
        XCTAssertEqual(try store.postCount(PostFilter(blogID: blog.id)), 1024)
    }

    // MARK: Fixtures

    private func subscribe(_ store: LibraryStore, path: String) throws -> Blog {
        let url = server.url(path).absoluteString
        let id = try store.writeSession { session in
            try session.upsertBlog(Blog(sourceKey: url, title: "Blog at \(path)", feedURL: url, origin: .feed))
        }
        return try XCTUnwrap(store.blog(id: id))
    }
}
