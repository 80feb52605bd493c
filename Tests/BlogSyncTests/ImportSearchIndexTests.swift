import BlogModel
import BlogStore
import BlogSync
import XCTest

/// `lectern import` as the user meets it: search works through the index the moment the
/// import returns. (That a re-import changes no row: `SearchIndexBatchTests`.)
final class ImportSearchIndexTests: XCTestCase {
    private static let base = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/wxr/base.xml").path
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-import-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testImportedTextIsInTheSearchIndexWhenTheImportReturns() throws {
        // Given a fresh cache
        let store = try LibraryStore(path: folder.appendingPathComponent("cache.sqlite").path)

        // When an export is imported
        let summary = try ExportImporter(store: store).importWXR(atPath: Self.base)

        // Then nothing waits for indexing, and post and comment text are found
        XCTAssertEqual(summary.postsAdded, 2)
        XCTAssertEqual(try store.pendingSearchIndexCount(), 0)
        XCTAssertEqual(try store.search("unchanged body", limit: 10).count, 1)
        let commentHits = try store.search("reply anna", limit: 10)
        XCTAssertEqual(commentHits.count, 1)
        XCTAssertNotNil(commentHits.first?.commentID)
    }
}
