import BlogModel
import BlogStore
import BlogSync
import Foundation

/// Measures a first sync of generated blogs from a local server against importing the same
/// blogs' WordPress exports, and a second sync with nothing new.
///
/// Both runs store the same posts and comments into an empty cache with the search index
/// deferred and timed apart, so their MiB/s compare the two paths byte for byte.
public enum SyncBenchmark {
    /// How a benchmark blog is subscribed to.
    public enum Kind: String, CaseIterable, Sendable {
        /// The RSS feed, and each post's own RSS comment feed (one request per post).
        case rss
        /// The Atom feed, whose entries include every comment threaded by `thr:in-reply-to`.
        case atom
    }

    public struct Configuration: Sendable {
        public var blogs = 50
        public var posts = 200
        public var meanComments = 20
        /// Kinds given to the blogs in turn.
        public var kinds: [Kind] = [.rss, .atom]
        /// The blog generator, `gen_corpus.py`.
        public var generator: URL
        /// Where the generated blogs are kept between runs; a temporary folder when nil.
        public var siteFolder: URL?

        public init(generator: URL) { self.generator = generator }
    }

    /// One path's figures: the export import or a sync.
    public struct Pass: Equatable, Sendable {
        public var bytes: Int
        public var seconds: TimeInterval
        public var indexSeconds: TimeInterval
        public var posts: Int
        public var comments: Int

        public var mebibytesPerSecond: Double { Double(bytes) / 1_048_576 / max(seconds, 0.001) }
    }

    public struct Report: Equatable, Sendable, CustomStringConvertible {
        public var blogs: Int
        public var kinds: [Kind: Int]
        public var exportImport: Pass
        public var firstSync: Pass
        public var requests: Int
        public var secondSync: TimeInterval
        public var secondSyncRequests: Int
        public var secondSyncNotModified: Int
        public var failures: [String]
        /// Downloading every file again with no parsing or storing: the transport's share.
        public var fetchOnly: TimeInterval

        public var description: String {
            let kindText = Kind.allCases.compactMap { kind in kinds[kind].map { "\($0) \(kind.rawValue)" } }
                .joined(separator: ", ")
            func line(_ name: String, _ pass: Pass) -> String {
                String(
                    format:
                        "%@ %7.1f MiB in %6.2f s = %6.1f MiB/s  (search index after: %.2f s; %d posts, %d comments)",
                    name, Double(pass.bytes) / 1_048_576, pass.seconds, pass.mebibytesPerSecond,
                    pass.indexSeconds, pass.posts, pass.comments)
            }
            return [
                "blogs          \(blogs) (\(kindText))",
                line("export import ", exportImport),
                line("first sync    ", firstSync) + " \(requests) requests",
                String(
                    format: "per byte       first sync at %.2f x the export import's speed",
                    firstSync.mebibytesPerSecond / max(exportImport.mebibytesPerSecond, 0.001)),
                String(
                    format: "second sync    %.2f s = %.1f%% of the first; %d of %d requests answered 304",
                    secondSync, 100 * secondSync / max(firstSync.seconds, 0.001), secondSyncNotModified,
                    secondSyncRequests),
                String(
                    format: "fetch only     %.2f s (%.1f MiB/s, 8 at a time, no parsing or storing)",
                    fetchOnly, Double(firstSync.bytes) / 1_048_576 / max(fetchOnly, 0.001)),
                "failures       \(failures.isEmpty ? "none" : failures.joined(separator: "; "))",
            ].joined(separator: "\n")
        }
    }

    public static func run(_ configuration: Configuration) async throws -> Report {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-sync-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let site = try SyncBenchmarkSite.prepare(
            in: configuration.siteFolder ?? root.appendingPathComponent("site"), blogs: configuration.blogs,
            posts: configuration.posts, meanComments: configuration.meanComments, generator: configuration.generator)

        let exportImport = try importExports(site, into: root.appendingPathComponent("import.sqlite").path)

        let server = try SyncBenchmarkServer(directory: site.folder, blogs: configuration.blogs)
        defer { server.stop() }
        let kinds = (0..<configuration.blogs).map { configuration.kinds[$0 % max(1, configuration.kinds.count)] }
        let bases = (0..<configuration.blogs).map { "http://\(SyncBenchmarkServer.host(ofBlog: $0)):\(server.port)" }
        let feeds = kinds.enumerated().map { blog, kind in "\(bases[blog])/blog\(blog)/\(kind.rawValue).xml" }

        let store = try LibraryStore(path: root.appendingPathComponent("sync.sqlite").path)
        _ = try store.writeSession { session in
            for (blog, feed) in feeds.enumerated() {
                _ = try session.upsertBlog(Blog(sourceKey: feed, title: "blog\(blog)", feedURL: feed, origin: .feed))
            }
        }
        let engine = SyncEngine(store: store, options: SyncOptions(searchIndex: .deferred))
        var clock = Date()
        let first = try await engine.sync()
        let firstSeconds = Date().timeIntervalSince(clock)
        clock = Date()
        try store.updateSearchIndex()
        let firstIndex = Date().timeIntervalSince(clock)
        let synced = try store.blogs()

        clock = Date()
        let second = try await engine.sync()
        let secondSeconds = Date().timeIntervalSince(clock)

        let urls = try fileURLs(site, kinds: kinds, bases: bases)
        clock = Date()
        let fetchFailures = await fetchAll(urls, concurrency: 8)
        let fetchSeconds = Date().timeIntervalSince(clock)

        return Report(
            blogs: configuration.blogs,
            kinds: Dictionary(kinds.map { ($0, 1) }, uniquingKeysWith: +),
            exportImport: exportImport,
            firstSync: Pass(
                bytes: first.reduce(0) { $0 + $1.bytes }, seconds: firstSeconds, indexSeconds: firstIndex,
                posts: synced.reduce(0) { $0 + $1.postCount }, comments: synced.reduce(0) { $0 + $1.commentCount }),
            requests: first.reduce(0) { $0 + $1.commentFetches + 1 },
            secondSync: secondSeconds,
            secondSyncRequests: second.reduce(0) { $0 + $1.commentFetches + 1 },
            secondSyncNotModified: second.reduce(0) { $0 + $1.commentNotModified + ($1.feedNotModified ? 1 : 0) },
            failures: (first + second).compactMap { $0.error } + (first + second).flatMap(\.commentFailures)
                + (fetchFailures > 0 ? ["\(fetchFailures) fetches failed"] : []),
            fetchOnly: fetchSeconds)
    }

    /// Imports every blog's export into a new cache at `path`, as `lectern import` does.
    private static func importExports(_ site: SyncBenchmarkSite, into path: String) throws -> Pass {
        let store = try LibraryStore(path: path)
        let importer = ExportImporter(store: store)
        var bytes = 0
        var clock = Date()
        for export in site.exportPaths() {
            bytes += (try FileManager.default.attributesOfItem(atPath: export)[.size] as? NSNumber)?.intValue ?? 0
            _ = try importer.importWXR(atPath: export, deferSearchIndex: true)
        }
        let seconds = Date().timeIntervalSince(clock)
        clock = Date()
        try store.updateSearchIndex()
        let indexSeconds = Date().timeIntervalSince(clock)
        let blogs = try store.blogs()
        return Pass(
            bytes: bytes, seconds: seconds, indexSeconds: indexSeconds,
            posts: blogs.reduce(0) { $0 + $1.postCount }, comments: blogs.reduce(0) { $0 + $1.commentCount })
    }

    /// Every file a first sync fetches.
    private static func fileURLs(_ site: SyncBenchmarkSite, kinds: [Kind], bases: [String]) throws -> [URL] {
        var urls: [URL] = []
        for (blog, kind) in kinds.enumerated() {
            let base = bases[blog]
            urls.append(URL(string: "\(base)/blog\(blog)/\(kind.rawValue).xml")!)
            guard kind == .rss else { continue }
            let comments = site.blogFolder(blog).appendingPathComponent("comments")
            for name in try FileManager.default.contentsOfDirectory(atPath: comments.path) {
                urls.append(URL(string: "\(base)/blog\(blog)/comments/\(name)")!)
            }
        }
        return urls
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
}
