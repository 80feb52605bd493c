import BlogStore
import Foundation
import ReaderRuntime

/// The two readers of `lectern-bench newsboat`, each run as a user runs it.
struct Readers {
    enum Kind: String { case lectern, newsboat }

    let lectern: String
    let newsboat: String
    let feeds: [String]
    let reloadThreads: Int
    let root: URL

    /// What one round of one reader measured.
    struct Round {
        var first: Double
        var second: Double
        /// Posts the cache holds after both syncs.
        var items: Int
        /// Rows of text `lectern sync` left for the reader to index, and the seconds the
        /// reader's background catch-up takes over them (0 for newsboat, which has no index).
        var leftToIndex = 0
        var catchUp = 0.0
    }

    /// Times a first sync into a fresh cache and a second one with nothing new, then, for
    /// Lectern, the reader's indexing of what they left unindexed.
    func time(_ kind: Kind, round: Int) throws -> Round {
        let folder = root.appendingPathComponent("\(kind.rawValue)-\(round)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        switch kind {
        case .lectern:
            let database = folder.appendingPathComponent("cache.sqlite").path
            let opml = folder.appendingPathComponent("feeds.opml")
            try opmlText().write(to: opml, atomically: true, encoding: .utf8)
            _ = try Self.run(lectern, ["import", opml.path, "--db", database], home: folder)
            let first = try Self.run(lectern, ["sync", "--db", database], home: folder)
            let second = try Self.run(lectern, ["sync", "--db", database], home: folder)
            let posts = try Self.count(database: database, sql: "SELECT count(*) FROM post")
            let store = try LibraryStore(path: database)
            let leftToIndex = try store.pendingSearchIndexCount()
            let clock = Stopwatch()
            while try store.indexSearchBacklog(upTo: SearchIndexCatchUp.stepRows, waitingAtMost: nil) > 0 {}
            return Round(first: first, second: second, items: posts, leftToIndex: leftToIndex, catchUp: clock.seconds)
        case .newsboat:
            let urls = folder.appendingPathComponent("urls")
            let config = folder.appendingPathComponent("config")
            let cache = folder.appendingPathComponent("cache.db").path
            try (feeds.joined(separator: "\n") + "\n").write(to: urls, atomically: true, encoding: .utf8)
            try "reload-threads \(reloadThreads)\n".write(to: config, atomically: true, encoding: .utf8)
            let arguments = ["-x", "reload", "-u", urls.path, "-c", cache, "-C", config.path]
            let first = try Self.run(newsboat, arguments, home: folder)
            let second = try Self.run(newsboat, arguments, home: folder)
            let items = try Self.count(database: cache, sql: "SELECT count(*) FROM rss_item")
            return Round(first: first, second: second, items: items)
        }
    }

    private func opmlText() -> String {
        let outlines = feeds.enumerated().map { index, feed in
            "<outline type=\"rss\" text=\"blog\(index)\" xmlUrl=\"\(feed)\"/>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>benchmark</title></head><body>
            \(outlines.joined(separator: "\n"))
            </body></opml>
            """
    }

    /// Runs `program` to the end and returns its wall-clock seconds; fails on a non-zero exit.
    private static func run(_ program: String, _ arguments: [String], home: URL) throws -> Double {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        let errorLog = home.appendingPathComponent("errors.txt").path
        return try MeasuredChild.run([program] + arguments, environment: environment, errorLog: errorLog).seconds
    }

    /// One number from an SQLite file (python3's sqlite3: newsboat's cache is not ours to open).
    private static func count(database: String, sql: String) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])", database, sql,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}

/// The rounds' figures and their medians.
struct Timings {
    private var first: [Readers.Kind: [Double]] = [:]
    private var second: [Readers.Kind: [Double]] = [:]
    private var items: [Readers.Kind: Int] = [:]
    private var leftToIndex = 0
    private var catchUp: [Double] = []

    mutating func add(_ kind: Readers.Kind, _ round: Readers.Round) {
        first[kind, default: []].append(round.first)
        second[kind, default: []].append(round.second)
        items[kind] = round.items
        if kind == .lectern {
            leftToIndex = round.leftToIndex
            catchUp.append(round.catchUp)
        }
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    func report(blogs: Int, posts: Int, reloadThreads: Int) -> String {
        func line(_ name: String, _ values: [Readers.Kind: [Double]]) -> String {
            let lectern = Self.median(values[.lectern] ?? [])
            let newsboat = Self.median(values[.newsboat] ?? [])
            let all = { (kind: Readers.Kind) in
                (values[kind] ?? []).map { String(format: "%.2f", $0) }.joined(separator: " ")
            }
            return String(
                format: "%@ lectern %.2f s, newsboat %.2f s: %.2f× newsboat's time  (lectern %@; newsboat %@)",
                name, lectern, newsboat, lectern / max(newsboat, 0.0001), all(.lectern), all(.newsboat))
        }
        return [
            "blogs          \(blogs) × \(posts) posts (posts feeds only), one local server; newsboat reload-threads \(reloadThreads)",
            "posts stored   lectern \(items[.lectern] ?? 0), newsboat \(items[.newsboat] ?? 0)",
            line("first sync    ", first),
            line("nothing new   ", second),
            String(
                format: "left to index  lectern sync left %d rows unindexed (search scans them); "
                    + "the reader indexes them in the background in %.2f s",
                leftToIndex, Self.median(catchUp)),
        ].joined(separator: "\n")
    }
}
