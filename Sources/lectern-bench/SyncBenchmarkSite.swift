import Foundation

/// The blogs the sync benchmark serves: one folder per blog written by the project's blog
/// generator (`gen_corpus.py`), holding the same blog three ways: its WordPress export
/// (`wxr.xml`), its RSS feed with a comment feed per post (`rss.xml`, `comments/ID.xml`) and
/// its Atom feed with every comment threaded by `thr:in-reply-to` (`atom.xml`).
///
/// Generating 50 blogs takes a while, so a folder that already holds them is reused.
struct SyncBenchmarkSite {
    let folder: URL
    let blogs: Int

    func blogFolder(_ blog: Int) -> URL { folder.appendingPathComponent("blog\(blog)") }

    /// Sizes of every blog's export, the import's bytes.
    func exportPaths() -> [String] {
        (0..<blogs).map { blogFolder($0).appendingPathComponent("wxr.xml").path }
    }

    /// Generates the blogs that `folder` does not hold yet (two generators at a time).
    static func prepare(
        in folder: URL, blogs: Int, posts: Int, meanComments: Int, generator: URL
    ) throws -> SyncBenchmarkSite {
        guard FileManager.default.fileExists(atPath: generator.path) else {
            throw BenchmarkFailure("\(generator.path): the blog generator is not there (pass --generator)")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let site = SyncBenchmarkSite(folder: folder, blogs: blogs)
        let missing = (0..<blogs).filter { blog in
            let manifest = site.blogFolder(blog).appendingPathComponent("manifest.json")
            guard let data = try? Data(contentsOf: manifest),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return true }
            return object["posts_requested"] as? Int != posts
                || object["mean_comments_requested"] as? Double != Double(meanComments)
        }
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: missing.count) { index in
            do {
                try site.generate(blog: missing[index], posts: posts, meanComments: meanComments, generator: generator)
            } catch {
                failures.append("\(error)")
            }
        }
        if let first = failures.first { throw BenchmarkFailure(first) }
        return site
    }

    /// Runs the generator for one blog (its own seed) and points the RSS feed's comment feed
    /// links at the server: `/blogN/comments/ID.xml`, resolved against the feed's own address.
    private func generate(blog: Int, posts: Int, meanComments: Int, generator: URL) throws {
        let scratch = folder.appendingPathComponent("blog\(blog).generating")
        try? FileManager.default.removeItem(at: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", generator.path, "--out", scratch.path, "--posts", String(posts),
            "--mean-comments", String(meanComments), "--seed", String(1000 + blog), "--local-comment-urls",
            "--formats", "wxr,rss,atom,comments", "custom",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkFailure("\(generator.path) failed for blog \(blog) (exit \(process.terminationStatus))")
        }
        let generated = scratch.appendingPathComponent("custom")
        let comments = generated.appendingPathComponent("comments")
        // Every generated blog lives at the same made-up address; give each its own, so the
        // exports import as 50 blogs, not as one blog re-imported 50 times.
        let files =
            ["wxr.xml", "rss.xml", "atom.xml"].map { generated.appendingPathComponent($0) }
            + (try FileManager.default.contentsOfDirectory(atPath: comments.path)).map {
                comments.appendingPathComponent($0)
            }
        for file in files {
            var text = try String(contentsOf: file, encoding: .utf8)
                .replacingOccurrences(of: "https://blog.example.org", with: "https://blog\(blog).example.org")
            if file.lastPathComponent == "rss.xml" {
                text = text.replacingOccurrences(of: "file://\(comments.path)/", with: "/blog\(blog)/comments/")
            }
            try Data(text.utf8).write(to: file)
        }
        let target = blogFolder(blog)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.moveItem(at: generated, to: target)
    }
}

/// Error messages collected from concurrent work.
private final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func append(_ message: String) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    var first: String? {
        lock.lock()
        defer { lock.unlock() }
        return messages.first
    }
}
