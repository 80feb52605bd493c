import ArgumentParser
import Foundation

/// `lectern-bench newsboat`: `lectern sync` against newsboat's reload on the same blogs from
/// one local server, as a user runs each (whole commands, a fresh cache each round), first
/// into an empty cache and then with nothing new; the two alternate, and the medians and
/// ratios are printed.
struct NewsboatComparisonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsboat",
        abstract: "Time `lectern sync` against `newsboat -x reload` (posts only, one local server); print ratios.")

    @Option(help: "Blogs to serve (at most 250, each on its own loopback address).")
    var blogs = 50

    @Option(help: "Posts per blog.")
    var posts = 200

    @Option(help: "Rounds; each times both readers' first and second sync.")
    var rounds = 3

    @Option(help: "newsboat's reload-threads.")
    var reloadThreads = 8

    @Option(help: "The blog generator.")
    var generator = "../shared/tools/gen_corpus.py"

    @Option(help: "Keep the generated blogs in this folder and reuse them next time.")
    var site: String?

    @Option(help: "The lectern to time (default: the one beside this lectern-bench).")
    var lectern: String?

    @Option(help: "The newsboat to time.")
    var newsboat = "newsboat"

    func run() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-newsboat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let blogSite = try PostsOnlySite.prepare(
            in: site.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("site"), blogs: blogs,
            posts: posts, generator: URL(fileURLWithPath: generator))
        let server = try SyncBenchmarkServer(directory: blogSite.folder, blogs: blogs)
        defer { server.stop() }
        let feeds = (0..<blogs).map {
            "http://\(SyncBenchmarkServer.host(ofBlog: $0)):\(server.port)/blog\($0)/rss.xml"
        }
        let readers = Readers(
            lectern: lectern ?? Self.besideThisProgram("lectern"), newsboat: newsboat, feeds: feeds,
            reloadThreads: reloadThreads, root: root)

        var timings = Timings()
        let loadBefore = Self.loadAverage()
        for round in 0..<rounds {
            // Alternate who goes first, so neither always meets a warmer cache or server.
            let order: [Readers.Kind] = round % 2 == 0 ? [.newsboat, .lectern] : [.lectern, .newsboat]
            for kind in order {
                timings.add(kind, try readers.time(kind, round: round))
            }
        }
        print(timings.report(blogs: blogs, posts: posts, reloadThreads: reloadThreads))
        // Both readers compete with whatever else runs; the ratio means little on a busy machine.
        print(
            String(
                format: "machine load   1-minute load average %@ before, %@ after, on %d cores",
                loadBefore, Self.loadAverage(), ProcessInfo.processInfo.activeProcessorCount))
    }

    /// The 1-minute load average (Linux), or "?" where there is none.
    private static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init)
            ?? "?"
    }

    private static func besideThisProgram(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent(name).path
    }
}
