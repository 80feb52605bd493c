import BlogFormats
import BlogModel
import BlogStore
import LecternTestSupport
import XCTest

@testable import BlogSync

/// `lectern import` of feed files and OPML subscription lists.
final class SyncFileImportTests: XCTestCase {
    private var cleanup: [URL] = []

    override func tearDown() {
        for url in cleanup { try? FileManager.default.removeItem(at: url) }
    }

    private func makeFile(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        cleanup.append(folder)
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func testAtomFileWithThreadedCommentsLandsUnderTheRightPostsAndParents() throws {
        // Given the generator's Atom file, whose comment entries carry thr:in-reply-to
        let generated = try GeneratedBlog.make()
        defer { generated.remove() }
        let store = try LibraryStore.inMemory()
        // When it is imported
        let summary = try FeedFileImporter.importFile(atPath: generated.atomPath, store: store)
        // Then every post and approved comment is there, each reply under its parent
        let expected = try generated.threadsFromExport()
        XCTAssertEqual(summary.postsAdded, 15)
        XCTAssertEqual(summary.commentsAdded, expected.values.reduce(0) { $0 + $1.count })
        XCTAssertTrue(summary.line.contains("15 posts (15 new"), summary.line)
        let blog = try XCTUnwrap(store.blogs().first?.blog)
        XCTAssertEqual(try CachedThreads.parents(in: store, blogID: blog.id), expected)
        // and importing it again changes nothing
        let again = try FeedFileImporter.importFile(atPath: generated.atomPath, store: store)
        XCTAssertEqual(again.postsUnchanged, 15)
        XCTAssertEqual(again.postsAdded + again.postsUpdated + again.commentsAdded + again.commentsUpdated, 0)
    }

    func testRSSFileImportsItsPostsAsABlogThatIsNotSynced() throws {
        let generated = try GeneratedBlog.make()
        defer { generated.remove() }
        let store = try LibraryStore.inMemory()
        let summary = try FeedFileImporter.importFile(atPath: generated.rssPath, store: store)
        XCTAssertEqual(summary.posts, 15)
        XCTAssertEqual(summary.blogTitle, "Field Notes & Fragments")
        XCTAssertEqual(try SyncEngine(store: store).subscriptions(), [])
    }

    func testAnIllFormedFeedFileFailsNamingTheFileLineAndColumn() throws {
        let path = try makeFile(
            "cut.xml", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<title>Cut</title><item>\n")
        let store = try LibraryStore.inMemory()
        XCTAssertThrowsError(try FeedFileImporter.importFile(atPath: path, store: store)) { error in
            let text = "\(error)"
            XCTAssertNotNil(text.range(of: #"cut\.xml:[0-9]+:[0-9]+: "#, options: .regularExpression), text)
        }
        XCTAssertTrue(try store.blogs().isEmpty)
    }

    func testOPMLSubscribesToEachFeedWithoutFetchingAndTheNextSyncFetchesThem() async throws {
        // Given an OPML list of two local feeds (one in a folder, one listed twice) and a file feed
        let server = try SyncSiteServer()
        defer { server.stop() }
        for name in ["a", "b"] {
            try server.write(
                "\(name).xml",
                text: """
                    <?xml version="1.0"?><rss version="2.0"><channel><title>Blog \(name)</title>
                    <item><title>Post of \(name)</title><guid>\(name)1</guid></item></channel></rss>
                    """)
        }
        let path = try makeFile(
            "subs.opml",
            """
            <?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
            <outline text="Tech"><outline type="rss" text="A" title="Blog A" xmlUrl="\(server.base)/a.xml" htmlUrl="http://a/"/></outline>
            <outline type="rss" text="B" xmlUrl="\(server.base)/b.xml"/>
            <outline type="rss" text="B again" xmlUrl="\(server.base)/b.xml"/>
            <outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/>
            </body></opml>
            """)
        let store = try LibraryStore.inMemory()
        // When it is imported
        let summary = try OPMLImporter.importFile(atPath: path, store: store)
        // Then both feeds are subscriptions, nothing was fetched, the file feed was skipped
        XCTAssertEqual(summary.subscribed, 2)
        XCTAssertEqual(summary.alreadySubscribed, 1)
        XCTAssertEqual(summary.skipped, 1)
        XCTAssertTrue(summary.line.contains("2 subscriptions added"), summary.line)
        let engine = SyncEngine(store: store)
        let subscriptions = try engine.subscriptions()
        XCTAssertEqual(Set(subscriptions.map(\.title)), ["Blog A", "B"])
        XCTAssertEqual(subscriptions.first { $0.title == "Blog A" }?.link, "http://a/")
        let answers = try await server.answers()
        XCTAssertTrue(answers.isEmpty)
        // and the next sync fetches them
        let results = try await engine.sync()
        XCTAssertEqual(results.map(\.newPosts), [1, 1])
        // and importing the list again adds nothing
        XCTAssertEqual(try OPMLImporter.importFile(atPath: path, store: store).subscribed, 0)
    }

    func testExportedOPMLImportsBackAsTheSameSubscriptions() throws {
        let store = try LibraryStore.inMemory()
        _ = try SyncFixtures.subscribe(store, feed: URL(string: "https://one.example/feed/")!, title: "One & Co")
        let path = try makeFile("out.opml", OPMLExporter.document(blogs: try store.blogs().map(\.blog)))
        let other = try LibraryStore.inMemory()
        XCTAssertEqual(try OPMLImporter.importFile(atPath: path, store: other).subscribed, 1)
        XCTAssertEqual(try other.blogs().map(\.blog.title), ["One & Co"])
        XCTAssertEqual(try other.blogs().map(\.blog.feedURL), ["https://one.example/feed/"])
    }
}
