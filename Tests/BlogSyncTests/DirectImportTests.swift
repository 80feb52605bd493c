import BlogStore
import BlogSync
import Foundation
import GRDB
import LecternTestSupport
import XCTest

/// An export imported into an empty cache goes through a rollback journal (see
/// `LibraryStore.beginDirectWrites`): whatever happens, the cache ends in WAL mode, sound, and
/// usable by the same process.
final class DirectImportTests: XCTestCase {
    private var generated: GeneratedBlog?
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-direct-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        generated = try GeneratedBlog.make(posts: 40)
    }

    override func tearDown() {
        generated?.remove()
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private func journalMode(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }

    func testAnExportBrokenMidwayLeavesTheEmptyCacheEmptyAndInWALMode() throws {
        // Given an export cut off at two thirds, and an empty cache
        let export = try XCTUnwrap(generated).wxrPath
        let data = try Data(contentsOf: URL(fileURLWithPath: export))
        let broken = folder.appendingPathComponent("broken.xml")
        try data.prefix(data.count * 2 / 3).write(to: broken)
        let path = folder.appendingPathComponent("cache.sqlite").path
        let store = try LibraryStore(path: path)

        // When it is imported
        XCTAssertThrowsError(try ExportImporter(store: store).importWXR(atPath: broken.path))

        // Then nothing of it stays, the cache is back in WAL mode with no journal left, and the
        // same store goes on: the whole export imports next
        XCTAssertEqual(try store.blogs().count, 0)
        XCTAssertEqual(try journalMode(path), "wal")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-journal"))
        let summary = try ExportImporter(store: store).importWXR(atPath: export)
        XCTAssertEqual(summary.counts.newPosts, 40)
        XCTAssertEqual(try store.blogs().first?.postCount, 40)
        XCTAssertEqual(try store.search("the", limit: 5).count, 5)
    }

    func testAnotherConnectionOpenKeepsTheImportInWALMode() throws {
        // Given an empty cache another connection has open
        let path = folder.appendingPathComponent("cache.sqlite").path
        let store = try LibraryStore(path: path)
        let other = try DatabasePool(path: path)
        _ = try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM post") }

        // When an export is imported, the other connection still reads meanwhile and after
        _ = try ExportImporter(store: store).importWXR(atPath: try XCTUnwrap(generated).wxrPath)
        XCTAssertEqual(
            try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM post WHERE listed = 1") }, 40)
        XCTAssertEqual(try journalMode(path), "wal")
    }
}
