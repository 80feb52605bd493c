import Foundation

/// Blogs with posts only, for comparing a sync with newsboat's reload (newsboat reads no
/// comments): one RSS feed per blog (`blogN/rss.xml`) from the project's blog generator, each
/// blog at its own made-up address, and no comment feed links, so neither reader fetches more
/// than the feed.
///
/// Generating takes a while, so a folder that already holds the blogs is reused.
struct PostsOnlySite {
    let folder: URL
    let blogs: Int

    func feed(_ blog: Int) -> URL { folder.appendingPathComponent("blog\(blog)/rss.xml") }

    static func prepare(in folder: URL, blogs: Int, posts: Int, generator: URL) throws -> PostsOnlySite {
        guard FileManager.default.fileExists(atPath: generator.path) else {
            throw BenchmarkFailure("\(generator.path): the blog generator is not there (pass --generator)")
        }
        let site = PostsOnlySite(folder: folder, blogs: blogs)
        let stamp = folder.appendingPathComponent("posts-\(posts).done")
        if FileManager.default.fileExists(atPath: stamp.path),
            (0..<blogs).allSatisfy({ FileManager.default.fileExists(atPath: site.feed($0).path) })
        {
            return site
        }
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for blog in 0..<blogs {
            try site.generate(blog: blog, posts: posts, generator: generator)
        }
        _ = FileManager.default.createFile(atPath: stamp.path, contents: Data())
        return site
    }

    private func generate(blog: Int, posts: Int, generator: URL) throws {
        let scratch = folder.appendingPathComponent("blog\(blog).generating")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", generator.path, "--out", scratch.path, "--posts", String(posts), "--mean-comments", "0",
            "--seed", String(1000 + blog), "--formats", "rss", "custom",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkFailure("\(generator.path) failed for blog \(blog) (exit \(process.terminationStatus))")
        }
        let text = try String(contentsOf: scratch.appendingPathComponent("custom/rss.xml"), encoding: .utf8)
            .replacingOccurrences(of: "https://blog.example.org", with: "https://blog\(blog).example.org")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("<wfw:commentRss>") }
            .joined(separator: "\n")
        try FileManager.default.createDirectory(
            at: feed(blog).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: feed(blog))
    }
}
