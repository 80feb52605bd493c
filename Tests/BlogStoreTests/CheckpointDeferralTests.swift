import BlogModel
import Foundation
import GRDB
import XCTest

@testable import BlogStore

final class CheckpointDeferralTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-checkpoint-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func autocheckpoint(_ store: LibraryStore) throws -> Int {
        try store.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint")! }
    }

    func testABulkWriteKeepsCheckpointsOffThroughItsImportsAndRestoresThemAfter() async throws {
        // Given a cache on disk
        let store = try LibraryStore(path: directory.appendingPathComponent("lectern.sqlite").path)
        XCTAssertEqual(try autocheckpoint(store), 1000)

        // When a sync-like bulk write runs imports and small writes
        let seenInside = try await store.deferringCheckpoints { () -> [Int] in
            var seen: [Int] = []
            for index in 0..<3 {
                _ = try store.writeSession { session in
                    try session.upsertBlog(Blog(sourceKey: "https://b\(index).example/feed", title: "B\(index)"))
                }
                // Then an import ending inside it does not turn checkpoints back on
                seen.append(try autocheckpoint(store))
                try store.saveValidators(
                    HTTPValidators(etag: "\"\(index)\"", lastModified: nil), for: "https://b\(index).example/feed")
            }
            return seen
        }
        XCTAssertEqual(seenInside, [0, 0, 0])
        // And once it ends they are back on, and everything it wrote is there
        XCTAssertEqual(try autocheckpoint(store), 1000)
        XCTAssertEqual(try store.blogs().count, 3)
        XCTAssertEqual(try store.validators(for: "https://b2.example/feed")?.etag, "\"2\"")
    }

    func testAnImportOnItsOwnRestoresCheckpoints() throws {
        let store = try LibraryStore(path: directory.appendingPathComponent("lectern.sqlite").path)
        _ = try store.writeSession { session in try session.upsertBlog(Blog(sourceKey: "k", title: "T")) }
        XCTAssertEqual(try autocheckpoint(store), 1000)
    }
}
