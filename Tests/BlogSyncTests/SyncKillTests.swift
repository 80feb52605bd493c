import BlogStore
import Foundation
import LecternTestSupport
import XCTest

/// `lectern sync` killed with SIGKILL at several moments, then run again, ends with exactly
/// what one uninterrupted sync gives: comments are stored batch by batch as they arrive, and
/// which posts get their comments read does not depend on what the killed run left behind.
final class SyncKillTests: XCTestCase {
    private var server: SyncSiteServer!
    private var generated: GeneratedBlog?
    private var folder: URL!

    override func setUpWithError() throws {
        server = try SyncSiteServer()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        server?.stop()
        generated?.remove()
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    func testASyncKilledAtAnyMomentThenRunAgainEndsAsAnUninterruptedOne() throws {
        // Given a blog of 120 posts whose RSS feed names a comment feed per post
        let blog = try GeneratedBlog.make(posts: 120, meanComments: 6)
        generated = blog
        try blog.serve(on: server)
        let feed = server.url("/etag/gen/rss.xml").absoluteString
        let binary = try BuiltProduct.lectern()

        // And the outcome of one uninterrupted sync
        let reference = folder.appendingPathComponent("reference.sqlite").path
        try run(binary, ["--db", reference, "add", feed, "--no-sync"])
        try run(binary, ["--db", reference, "sync"])
        let expected = try threads(reference)
        XCTAssertGreaterThan(expected.values.map(\.count).reduce(0, +), 300)

        let total = expected.values.map(\.count).reduce(0, +)
        var partial = 0
        for (index, delay) in [0.15, 0.35, 0.6].enumerated() {
            // When a sync is killed after `delay` seconds and then run again to the end
            let path = folder.appendingPathComponent("killed-\(index).sqlite").path
            try run(binary, ["--db", path, "add", feed, "--no-sync"])
            let killed = try LecternProcess(binary: binary).start(["--db", path, "sync"])
            Thread.sleep(forTimeInterval: delay)
            kill(killed.processIdentifier, SIGKILL)
            killed.waitUntilExit()
            let kept = (try? threads(path))?.values.map(\.count).reduce(0, +) ?? 0
            if kept < total { partial += 1 }
            try run(binary, ["--db", path, "sync"])

            // Then the cache holds exactly the uninterrupted sync's posts, comments and parents
            XCTAssertEqual(try threads(path), expected, "killed after \(delay) s")
        }
        // And at least one kill did land midway (else this test would prove nothing)
        XCTAssertGreaterThan(partial, 0)
    }

    // MARK: Helpers

    private func threads(_ path: String) throws -> [String: [String: String]] {
        let store = try LibraryStore(path: path)
        let blogID = try XCTUnwrap(store.blogs().first?.blog.id)
        return try CachedThreads.parents(in: store, blogID: blogID)
    }

    private func run(_ binary: URL, _ arguments: [String]) throws {
        let outcome = try LecternProcess(binary: binary).run(arguments, timeout: 60)
        XCTAssertFalse(outcome.timedOut, "lectern \(arguments.joined(separator: " ")) did not finish in 60 s")
    }
}
