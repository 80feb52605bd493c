import BlogModel
import BlogStore
import Foundation

/// Measures a first sync and a second sync with nothing new, against a local HTTP server
/// (Python's `http.server` speaking HTTP/1.1 with keep-alive, see `SyncBenchmarkServer`; it
/// answers `If-Modified-Since` with 304).
public enum SyncBenchmark {
    public struct Report: Equatable, Sendable, CustomStringConvertible {
        public var blogs: Int
        public var posts: Int
        public var bytes: Int
        public var firstSync: TimeInterval
        public var secondSync: TimeInterval
        public var failures: Int
        public var secondSyncNotModified: Int
        public var secondSyncFetches: Int
        /// Time to download every file again with no parsing or storing: the transport's share.
        public var fetchOnly: TimeInterval

        public var description: String {
            let mib = Double(bytes) / 1_048_576
            return String(
                format: "sync: %d blogs x %d posts, %.1f MiB: first %.2f s (%.1f MiB/s), second %.2f s (%.1f%% of first, %d/%d answers 304), %d failed; fetch only %.2f s (%.1f MiB/s)",
                blogs, posts, mib, firstSync, mib / max(firstSync, 0.001), secondSync,
                100 * secondSync / max(firstSync, 0.001), secondSyncNotModified, secondSyncFetches, failures,
                fetchOnly, mib / max(fetchOnly, 0.001))
        }
    }

    public static func run(blogs: Int = 50, posts: Int = 200, commentsPerPost: Int = 20) async throws -> Report {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-sync-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let port = Int.random(in: 20_000...40_000)
        let base = "http://127.0.0.1:\(port)"
        let bytes = try SyncBenchmarkSite.write(
            blogs: blogs, posts: posts, commentsPerPost: commentsPerPost, to: root.appendingPathComponent("site"),
            baseURL: base)
        let server = try SyncBenchmarkServer.start(port: port, directory: root.appendingPathComponent("site"))
        defer { server.terminate() }
        try await waitForServer(URL(string: "\(base)/blog0/feed.xml")!)

        let store = try LibraryStore(path: root.appendingPathComponent("bench.sqlite").path)
        _ = try store.importSession { session in
            for blog in 0..<blogs {
                let feed = "\(base)/blog\(blog)/feed.xml"
                _ = try session.upsertBlog(Blog(sourceKey: feed, title: "blog\(blog)", feedURL: feed, origin: .feed))
            }
        }
        let engine = SyncEngine(store: store)
        var start = Date()
        let first = try await engine.sync()
        let firstTime = Date().timeIntervalSince(start)
        start = Date()
        let second = try await engine.sync()
        let secondTime = Date().timeIntervalSince(start)
        let urls = (0..<blogs).flatMap { blog in
            ["\(base)/blog\(blog)/feed.xml"] + (1...max(1, posts)).map { "\(base)/blog\(blog)/comments/\($0).xml" }
        }.compactMap(URL.init(string:))
        start = Date()
        let fetchFailures = await fetchAll(urls, concurrency: 8)
        let fetchTime = Date().timeIntervalSince(start)
        return Report(
            blogs: blogs, posts: posts, bytes: bytes, firstSync: firstTime, secondSync: secondTime,
            failures: first.filter(\.failed).count + second.filter(\.failed).count + fetchFailures,
            secondSyncNotModified: second.reduce(0) { $0 + $1.commentNotModified + ($1.feedNotModified ? 1 : 0) },
            secondSyncFetches: second.reduce(0) { $0 + $1.commentFetches + 1 }, fetchOnly: fetchTime)
    }

    /// Downloads `urls`, `concurrency` at a time, and counts the failures.
    private static func fetchAll(_ urls: [URL], concurrency: Int) async -> Int {
        let fetcher = HTTPFetcher()
        // Only the outcome is kept, so memory stays that of the transfers in flight.
        let succeeded = await FetchQueue.run(urls, limit: concurrency) { url in
            if case .ok = await fetcher.fetch(FetchRequest(url: url)) { return true }
            return false
        }
        return succeeded.filter { !$0 }.count
    }

    private static func waitForServer(_ url: URL) async throws {
        let fetcher = HTTPFetcher()
        for _ in 0..<50 {
            if case .ok = await fetcher.fetch(FetchRequest(url: url, connectTimeout: 1, totalTimeout: 2)) { return }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw SyncFailure("\(url.absoluteString): the benchmark server did not start")
    }
}
