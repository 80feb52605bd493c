import ArgumentParser
import BlogSync
import Foundation

/// `lectern-bench sync`: a first sync and a second sync with nothing new, against
/// generated blogs served on 127.0.0.1.
struct SyncBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync generated blogs from a local server twice; print MB/s and the second sync's share.")

    @Option(help: "Blogs to serve.")
    var blogs = 50

    @Option(help: "Posts per blog.")
    var posts = 200

    @Option(help: "Comments per post.")
    var comments = 20

    func run() async throws {
        let report = try await SyncBenchmark.run(blogs: blogs, posts: posts, commentsPerPost: comments)
        print(report)
        print(String(format: "peak RSS        %.1f MB", ResourceUsage.peakResidentMegabytes))
        print(String(format: "CPU             %.2f s", ResourceUsage.cpuSeconds))
    }
}
