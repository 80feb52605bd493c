import BlogFormats
import BlogModel
import Foundation
import XCTest

/// The generated WordPress-style blog: posts feed, per-post comment feeds and the threaded Atom
/// feed must tell the same story as the export they were generated with.
final class FeedGeneratedCorpusTests: XCTestCase {
    private var folder: URL!
    private var manifest: [String: Any] = [:]

    override func setUpWithError() throws {
        var root = URL(fileURLWithPath: #filePath)
        while root.path != "/",
            !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path)
        {
            root.deleteLastPathComponent()
        }
        let generator = root.deletingLastPathComponent().appendingPathComponent("shared/tools/gen_corpus.py")
        guard FileManager.default.fileExists(atPath: generator.path) else {
            throw XCTSkip("needs ../shared/tools/gen_corpus.py")
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("feeds-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", generator.path, "--out", output.path, "--posts", "20"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        folder = output.appendingPathComponent("custom")
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        addTeardownBlock { try? FileManager.default.removeItem(at: output) }
    }

    private var stats: [String: Any] { manifest["stats"] as? [String: Any] ?? [:] }

    private func parse(_ name: String) throws -> ParsedFeed {
        try FeedParser().parse(fileAtPath: folder.appendingPathComponent(name).path, baseURL: nil)
    }

    /// Approved comments of the export, as post id → comment id → parent id ("" for top level).
    private func exportThreads() throws -> [String: [String: String]] {
        var threads: [String: [String: String]] = [:]
        try WXRParser().parse(
            fileAtPath: folder.appendingPathComponent("wxr.xml").path, onChannel: { _ in },
            onItem: { item in
                guard let postID = item.post.remotePostID else { return }
                for comment in item.comments where comment.status == .approved {
                    threads[String(postID), default: [:]][comment.sourceID] = comment.parentSourceID ?? ""
                }
            })
        return threads
    }

    func testPostsFeedListsEveryPublishedPost() throws {
        let feed = try parse("rss.xml")
        XCTAssertEqual(feed.kind, .rss2)
        XCTAssertEqual(feed.title, "Field Notes & Fragments")
        XCTAssertEqual(feed.items.count, stats["posts_published"] as? Int)
        for item in feed.items {
            XCTAssertTrue(item.post.sourceID.hasPrefix("https://blog.example.org/?p="))
            XCTAssertFalse(item.post.title.isEmpty)
            XCTAssertNotNil(item.post.published)
            XCTAssertFalse(item.post.contentHTML.isEmpty)
            XCTAssertNotNil(item.post.commentFeedURL)
            XCTAssertFalse(item.post.author.isEmpty)
        }
    }

    func testRSSCommentFeedsThreadLikeTheExport() throws {
        // Given the per-post comment feeds, whose replies only say "In reply to …"
        let threads = try exportThreads()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("comments").path)
        XCTAssertFalse(files.isEmpty)
        var replies = 0
        for file in files where file.hasSuffix(".xml") {
            let postID = String(file.dropLast(4))
            // When each is read as comments
            let comments = try parse("comments/" + file).items.map { $0.asComment() }
            // Then ids and parents match the export's approved comments
            let parents = Dictionary(uniqueKeysWithValues: comments.map { ($0.sourceID, $0.parentSourceID ?? "") })
            XCTAssertEqual(parents, threads[postID] ?? [:], "comments/\(file)")
            replies += comments.filter { $0.parentSourceID != nil }.count
            for comment in comments {
                XCTAssertFalse(comment.contentHTML.contains("In reply to <a"), "prefix removed")
            }
        }
        XCTAssertGreaterThan(replies, 0)
    }

    func testAtomFeedThreadsLikeTheExport() throws {
        let threads = try exportThreads()
        let feed = try parse("atom.xml")
        XCTAssertEqual(feed.kind, .atom)
        let posts = feed.items.filter { $0.inReplyTo.isEmpty }
        XCTAssertEqual(posts.count, stats["posts_published"] as? Int)
        var fromAtom: [String: [String: String]] = [:]
        for item in feed.items where !item.inReplyTo.isEmpty {
            let postRef = item.inReplyTo[0].ref
            let postID = String(postRef[postRef.range(of: "?p=")!.upperBound...].prefix { $0.isNumber })
            let comment = item.asComment()
            fromAtom[postID, default: [:]][comment.sourceID] = comment.parentSourceID ?? ""
        }
        XCTAssertEqual(fromAtom, threads.filter { !$0.value.isEmpty })
        // The xhtml entries come out as markup, not as escaped text.
        let xhtml = stats["atom_xhtml_entries"] as? Int ?? 0
        if xhtml > 0 {
            XCTAssertTrue(posts.allSatisfy { $0.post.contentHTML.hasPrefix("<") })
        }
    }
}
