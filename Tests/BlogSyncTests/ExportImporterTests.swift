import BlogModel
import BlogStore
import BlogSync
import XCTest

/// Imports of real and adversarial WordPress exports, checked the way a reader would see them.
final class ExportImporterTests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures/wxr")
    private static let corpus = packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL

    private func makeStore() throws -> LibraryStore { try LibraryStore.inMemory() }

    private func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    /// Every listed post, newest first, with its thread as (blog comment id, depth).
    private func snapshot(_ store: LibraryStore) throws -> [(title: String, thread: [[Int]])] {
        try store.postWindow(PostFilter(), after: nil, limit: 10_000).map { summary in
            let thread = CommentThread(comments: try store.comments(postID: summary.id))
            return (
                summary.title,
                thread.rows.map { [Int(thread.comments[$0.comment].sourceID) ?? -1, $0.depth] }
            )
        }
    }

    func testThreadOrderMatchesTheRulesOnEveryAdversarialExport() throws {
        // Given the fixtures with their expected post order and threads
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("expected.json"))
        let expected = try JSONSerialization.jsonObject(with: data) as! [String: [String: Any]]
        var checked = 0
        for (file, expectation) in expected.sorted(by: { $0.key < $1.key }) {
            let store = try makeStore()
            // When the file is imported
            do {
                _ = try ExportImporter(store: store).importWXR(atPath: fixture(file))
            } catch {
                let mayFail = expectation["error"] as? Bool == true || expectation["error_allowed"] as? Bool == true
                XCTAssertTrue(mayFail, "\(file) failed: \(error)")
                XCTAssertTrue(try store.blogs().isEmpty, "\(file): a failed import must leave nothing behind")
                continue
            }
            XCTAssertNotEqual(expectation["error"] as? Bool, true, "\(file) should have failed")
            // Then exactly the published posts are listed, each with the expected thread
            let posts = expectation["posts"] as? [Int] ?? []
            let threads = expectation["threads"] as? [String: [[Int]]] ?? [:]
            let got = try snapshot(store)
            XCTAssertEqual(got.count, posts.count, "\(file): listed posts")
            for (index, postID) in posts.enumerated() where index < got.count {
                XCTAssertEqual(got[index].thread, threads[String(postID)] ?? [], "\(file): thread of post \(postID)")
            }
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 10)
    }

    func testTruncatedExportLeavesTheCacheExactlyAsItWas() throws {
        // Given a cache holding one imported blog
        let store = try makeStore()
        _ = try ExportImporter(store: store).importWXR(atPath: fixture("base.xml"))
        let before = try snapshot(store).map(\.title)
        // When a truncated export is imported
        XCTAssertThrowsError(try ExportImporter(store: store).importWXR(atPath: fixture("truncated.xml"))) { error in
            // Then the error names the file, line and column
            XCTAssertTrue("\(error)".hasPrefix(self.fixture("truncated.xml") + ":137:"), "\(error)")
        }
        XCTAssertEqual(try snapshot(store).map(\.title), before)
        XCTAssertEqual(try store.blogs().count, 1)
    }

    func testReimportChangesNothingAndAnEditedExportUpdatesInPlace() throws {
        let store = try makeStore()
        let first = try ExportImporter(store: store).importWXR(atPath: fixture("base.xml"))
        XCTAssertEqual(first.postsAdded, 2)
        let firstPost = try XCTUnwrap(store.postWindow(PostFilter(), after: nil, limit: 1).first)
        try store.markPostRead(firstPost.id)

        let again = try ExportImporter(store: store).importWXR(atPath: fixture("base.xml"))
        XCTAssertEqual(again.postsAdded + again.postsUpdated + again.commentsAdded + again.commentsUpdated, 0)

        let edited = try ExportImporter(store: store).importWXR(atPath: fixture("edited.xml"))
        XCTAssertEqual(edited.postsAdded, 0)
        XCTAssertEqual(edited.postsUpdated, 1)
        XCTAssertEqual(edited.commentsUpdated, 1)
        let after = try XCTUnwrap(store.postWindow(PostFilter(), after: nil, limit: 10).first { $0.id == firstPost.id })
        XCTAssertFalse(after.unread, "read state survives re-import")
        XCTAssertEqual(try store.postCount(PostFilter()), 2)
    }

    func testBundledSampleBlogImportsWithItsThreads() throws {
        let store = try makeStore()
        let sample = Self.packageRoot.appendingPathComponent("Sources/lectern/Resources/sample-blog.xml").path
        let summary = try ExportImporter(store: store).importWXR(atPath: sample)
        XCTAssertEqual(summary.blogTitle, "Civic Redesign Notes")
        XCTAssertEqual(summary.posts, 10)
        let data = try Data(
            contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/sample-blog.expected.json"))
        let expected = (try JSONSerialization.jsonObject(with: data) as! [String: [String: Any]])["sample-blog.xml"]!
        let threads = expected["threads"] as! [String: [[Int]]]
        let posts = expected["posts"] as! [Int]
        let got = try snapshot(store)
        for (index, postID) in posts.enumerated() {
            XCTAssertEqual(got[index].thread, threads[String(postID)], "sample post \(postID)")
        }
    }

    func testCorpusExportsImportOrFailWithALocation() throws {
        let folder = Self.corpus.appendingPathComponent("WordPress__wordpress-importer/phpunit/data")
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw XCTSkip("needs ../shared/corpus beside the package")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }
        XCTAssertGreaterThan(files.count, 20)
        var imported = 0
        for file in files.sorted() {
            let store = try makeStore()
            let path = folder.appendingPathComponent(file).path
            do {
                _ = try ExportImporter(store: store).importWXR(atPath: path)
                imported += 1
            } catch {
                XCTAssertTrue(file.contains("malformed") || file.contains("crazy-cdata"), "\(file): \(error)")
                XCTAssertNotNil("\(error)".range(of: #"^.+:\d+:\d+: "#, options: .regularExpression), "\(error)")
                XCTAssertTrue(try store.blogs().isEmpty)
            }
        }
        XCTAssertGreaterThan(imported, 25)
    }

    func testThemeUnitTestDataListsOnlyPublishedPostsAndApprovedComments() throws {
        let path = Self.corpus.appendingPathComponent(
            "WordPress__wordpress-importer/phpunit/data/theme-unit-test-data.xml"
        ).path
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("needs ../shared/corpus") }
        let store = try makeStore()
        let summary = try ExportImporter(store: store).importWXR(atPath: path)
        XCTAssertGreaterThan(summary.itemsSkipped, 0, "pages and attachments are skipped")
        for post in try store.postWindow(PostFilter(), after: nil, limit: 1000) {
            for comment in try store.comments(postID: post.id) {
                XCTAssertEqual(comment.status, .approved)
            }
        }
        XCTAssertGreaterThan(summary.posts, 20)
    }
}
