import BlogModel
import Foundation
import GRDB
import XCTest

@testable import BlogStore

final class WALCheckpointerTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-wal-checkpointer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The blogs a copy of the database file alone holds, without its write-ahead log.
    private func blogsInTheDatabaseFileAlone(_ path: String) throws -> [String] {
        let copy = directory.appendingPathComponent("copy.sqlite").path
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        return try DatabaseQueue(path: copy).read { db in
            try String.fetchAll(db, sql: "SELECT source_key FROM blog ORDER BY source_key")
        }
    }

    func testWhatABulkWriteAskedToCopyIsInTheDatabaseFileWhenItEnds() async throws {
        // Given a cache on disk
        let path = directory.appendingPathComponent("lectern.sqlite").path
        let store = try LibraryStore(path: path)
        // When a bulk write commits blogs with automatic checkpoints off, asking its checkpointer
        // after each
        let autocheckpointInside = try await store.checkpointingInBackground { checkpoints -> Int in
            for index in 0..<3 {
                _ = try store.writeSession(deferSearchIndex: true) { session in
                    try session.upsertBlog(Blog(sourceKey: "https://b\(index).example/feed", title: "B\(index)"))
                }
                checkpoints.request()
            }
            return try store.writer.writeWithoutTransaction { db in
                try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint")!
            }
        }
        // Then the writer never checkpointed, yet the database file itself holds every blog
        XCTAssertEqual(autocheckpointInside, 0)
        XCTAssertEqual(
            try blogsInTheDatabaseFileAlone(path),
            ["https://b0.example/feed", "https://b1.example/feed", "https://b2.example/feed"])
    }

    func testABulkWriteThatAsksNothingLeavesTheLogAlone() async throws {
        // Given a cache on disk whose last write is still only in the log
        let path = directory.appendingPathComponent("lectern.sqlite").path
        let store = try LibraryStore(path: path)
        _ = try await store.writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try await store.checkpointingInBackground { _ in
            _ = try store.writeSession(deferSearchIndex: true) { session in
                try session.upsertBlog(Blog(sourceKey: "https://quiet.example/feed", title: "Quiet"))
            }
        }
        // Then nothing copied it (an idle sync pays for no checkpoint), and the cache has it
        XCTAssertEqual(try blogsInTheDatabaseFileAlone(path), [])
        XCTAssertEqual(try store.blogs().map(\.blog.sourceKey), ["https://quiet.example/feed"])
    }

    func testACacheInMemoryHasNothingToCopy() async throws {
        let store = try LibraryStore.inMemory()
        let count = try await store.checkpointingInBackground { checkpoints -> Int in
            _ = try store.writeSession { session in try session.upsertBlog(Blog(sourceKey: "k", title: "T")) }
            checkpoints.request()
            return try store.blogs().count
        }
        XCTAssertEqual(count, 1)
    }
}
