import BlogStore
import Foundation
import GRDB
import LecternTestSupport
import XCTest

/// `lectern import` of an export into an empty cache, which writes straight into the cache
/// file through a rollback journal, killed with SIGKILL at several moments: the next command
/// finds the cache as it was before (empty, sound, back in WAL mode), and importing again gives
/// exactly what one uninterrupted import gives.
final class ImportKillTests: XCTestCase {
    private var generated: GeneratedBlog?
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-import-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        generated?.remove()
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    func testAnImportKilledAtAnyMomentLeavesTheCacheAsItWasAndCanBeRunAgain() throws {
        // Given an export of 600 posts with their comments
        let blog = try GeneratedBlog.make(posts: 600, meanComments: 12)
        generated = blog
        let binary = try BuiltProduct.lectern()

        // And the outcome of one uninterrupted import
        let reference = folder.appendingPathComponent("reference.sqlite").path
        try run(binary, ["--db", reference, "import", blog.wxrPath])
        let expected = try counts(reference)
        XCTAssertEqual(expected.posts, 600)
        XCTAssertEqual(try journalMode(reference), "wal")

        var killedMidway = 0
        for (index, delay) in [0.1, 0.3, 0.6].enumerated() {
            // When an import into an empty cache is killed after `delay` seconds
            let path = folder.appendingPathComponent("killed-\(index).sqlite").path
            let killed = try LecternProcess(binary: binary).start(["--db", path, "import", blog.wxrPath])
            Thread.sleep(forTimeInterval: delay)
            kill(killed.processIdentifier, SIGKILL)
            killed.waitUntilExit()
            let journalLeft = FileManager.default.fileExists(atPath: path + "-journal")

            // Then the next opening finds it whole: all of the import or none of it, the
            // database sound and in WAL mode again
            let kept = try counts(path)
            XCTAssertTrue(kept.posts == 0 || kept == expected, "killed after \(delay) s: \(kept)")
            if kept.posts == 0, journalLeft { killedMidway += 1 }
            XCTAssertEqual(try integrity(path), "ok")
            XCTAssertEqual(try journalMode(path), "wal")

            // And importing again gives the uninterrupted import's posts and comments
            try run(binary, ["--db", path, "import", blog.wxrPath])
            XCTAssertEqual(try counts(path), expected, "killed after \(delay) s, imported again")
        }
        // At least one kill landed midway, in the rollback journal (else this proves nothing)
        XCTAssertGreaterThan(killedMidway, 0)
    }

    // MARK: Helpers

    private struct Counts: Equatable {
        var posts: Int
        var comments: Int
    }

    /// Opens the cache as the next command would (rolling back what a kill left) and counts.
    private func counts(_ path: String) throws -> Counts {
        let blogs = try LibraryStore(path: path).blogs()
        return Counts(posts: blogs.map(\.postCount).reduce(0, +), comments: blogs.map(\.commentCount).reduce(0, +))
    }

    private func integrity(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    }

    private func journalMode(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }

    private func run(_ binary: URL, _ arguments: [String]) throws {
        let outcome = try LecternProcess(binary: binary).run(arguments, timeout: 120)
        XCTAssertFalse(outcome.timedOut, "lectern \(arguments.joined(separator: " ")) did not finish in 120 s")
        XCTAssertEqual(outcome.status, 0, "lectern \(arguments.joined(separator: " ")): \(outcome.errors)")
    }
}
