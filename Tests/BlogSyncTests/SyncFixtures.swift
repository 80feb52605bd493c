import BlogFormats
import BlogModel
import BlogStore
import Foundation
import XCTest

@testable import BlogSync

/// A small blog written by the corpus generator: its RSS posts feed with per-post comment
/// feeds, its Atom feed with threaded comment entries, and its WordPress export, which says
/// what every thread really looks like.
struct GeneratedBlog {
    /// The generator's output folder (`…/custom`).
    let folder: URL

    var wxrPath: String { folder.appendingPathComponent("wxr.xml").path }
    var atomPath: String { folder.appendingPathComponent("atom.xml").path }
    var rssPath: String { folder.appendingPathComponent("rss.xml").path }

    /// Runs `gen_corpus.py` into a fresh temporary folder; skips when the tool is absent.
    static func make(posts: Int = 15, meanComments: Int = 6) throws -> GeneratedBlog {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tool = packageRoot.appendingPathComponent("../shared/tools/gen_corpus.py").standardizedFileURL
        guard FileManager.default.fileExists(atPath: tool.path) else {
            throw XCTSkip("needs ../shared/tools/gen_corpus.py")
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-gen-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", tool.path, "--out", out.path, "--posts", String(posts),
            "--mean-comments", String(meanComments), "--local-comment-urls", "--formats", "wxr,rss,atom,comments",
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("gen_corpus.py failed") }
        return GeneratedBlog(folder: out.appendingPathComponent("custom"))
    }

    /// Every published post's approved comments as `comment id → parent id` ("-" for top
    /// level), keyed by the post's link, from the export.
    func threadsFromExport() throws -> [String: [String: String]] {
        var threads: [String: [String: String]] = [:]
        try WXRParser().parse(
            fileAtPath: wxrPath, onChannel: { _ in },
            onItem: { item in
                guard item.postType == "post", item.status == "publish" else { return }
                var thread: [String: String] = [:]
                for comment in item.comments where comment.status == .approved {
                    thread[comment.sourceID] = comment.parentSourceID ?? "-"
                }
                threads[item.post.link] = thread
            })
        return threads
    }

    /// Puts the feeds under `gen/` on `server`, comment feed links rewritten to it (with validators).
    func serve(on server: SyncSiteServer) throws {
        let rss = try String(contentsOfFile: rssPath, encoding: .utf8)
            .replacingOccurrences(of: "file://\(folder.path)/comments/", with: "\(server.base)/etag/gen/comments/")
        try server.write("gen/rss.xml", text: rss)
        try server.write("gen/atom.xml", Data(contentsOf: URL(fileURLWithPath: atomPath)))
        let comments = folder.appendingPathComponent("comments")
        for name in try FileManager.default.contentsOfDirectory(atPath: comments.path) {
            try server.write("gen/comments/\(name)", Data(contentsOf: comments.appendingPathComponent(name)))
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// Adds a comment to the served comment feed at `commentFeedPath` (as `serve` put it), the
    /// way a blog's new comment shows up in it.
    static func addComment(
        on server: SyncSiteServer, commentFeedPath: String, number: Int, author: String, text: String
    ) throws {
        let file = "gen/comments/" + URL(fileURLWithPath: commentFeedPath).lastPathComponent
        let comments = try String(contentsOf: server.root.appendingPathComponent(file), encoding: .utf8)
        try server.write(
            file,
            text: comments.replacingOccurrences(
                of: "</channel>",
                with: """
                    <item><title>By: \(author)</title><link>http://blog.example/#comment-\(number)</link>
                    <dc:creator>\(author)</dc:creator><guid isPermaLink="false">http://blog.example/?p=1#comment-\(number)</guid>
                    <content:encoded><![CDATA[<p>\(text)</p>]]></content:encoded></item></channel>
                    """))
    }
}

/// The generated blog served on a local server of its own, for a test class's `setUp`.
struct ServedGeneratedBlog {
    let server: SyncSiteServer
    let blog: GeneratedBlog

    /// Starts the server and serves a freshly generated blog; skips where the generator is absent.
    static func start() throws -> ServedGeneratedBlog {
        let server = try SyncSiteServer()
        do {
            let blog = try GeneratedBlog.make()
            try blog.serve(on: server)
            return ServedGeneratedBlog(server: server, blog: blog)
        } catch {
            server.stop()
            throw error
        }
    }

    func stop() {
        server.stop()
        blog.remove()
    }
}

/// Store helpers shared by the end-to-end tests.
enum SyncFixtures {
    /// Adds a feed subscription to `store`, as `lectern add --no-sync` would.
    static func subscribe(_ store: LibraryStore, feed: URL, title: String) throws -> Blog {
        let key = feed.absoluteString
        let id = try store.writeSession { session in
            try session.upsertBlog(Blog(sourceKey: key, title: title, feedURL: key, origin: .feed))
        }
        return try XCTUnwrap(store.blog(id: id))
    }
}
