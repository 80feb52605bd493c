import BlogFormats
import BlogModel
import BlogStore
import Foundation

/// Subscribes to blogs and keeps them current: posts from the feed, comments from the
/// richest source each site offers (WordPress REST, Atom with `thr:in-reply-to`, RSS
/// comment feeds), all merged into the cache.
///
/// Every URL is fetched conditionally with the validators stored for it, so a sync with
/// nothing new costs one 304 per URL and no parsing. One blog failing never stops the
/// others, and a failure never removes anything already cached.
public final class SyncEngine: Sendable {
    public let store: LibraryStore
    public let fetcher: HTTPFetcher
    public let options: SyncOptions
    let merger: FeedMerger
    /// Told after every page of a long listing (a WordPress site's first sync), from any thread.
    let listingProgress: @Sendable (SyncListingProgress) -> Void
    let writer = SyncThreadPool.writer()
    let parsing = SyncThreadPool.parsing()

    deinit {
        writer.close()
        parsing.close()
    }

    public init(
        store: LibraryStore, fetcher: HTTPFetcher = HTTPFetcher(), options: SyncOptions = SyncOptions(),
        listingProgress: @escaping @Sendable (SyncListingProgress) -> Void = { _ in }
    ) {
        self.store = store
        self.listingProgress = listingProgress
        self.fetcher = fetcher
        self.options = options
        self.merger = FeedMerger(store: store)
    }

    /// Finds the feed behind `url` (a page or a feed) and adds the blog to the library,
    /// without fetching its posts; an existing subscription to the same feed is returned.
    public func subscribe(_ url: URL) async throws -> Blog {
        let found = try await Discovery.discover(url, fetcher: fetcher, options: options)
        let key = found.feedURL.absoluteString
        if let known = try store.blog(sourceKey: key) { return known }
        let blog = Blog(
            sourceKey: key, title: Self.siteTitle(fromFeedLinkTitle: found.title) ?? found.feedURL.host ?? key,
            link: found.pageURL?.absoluteString ?? "", siteURL: found.siteURL,
            apiRoot: found.apiRoot?.absoluteString, feedURL: key,
            origin: found.apiRoot == nil ? .feed : .wordpress)
        let id = try store.writeSession { session in try session.upsertBlog(blog) }
        return try store.blog(id: id) ?? blog
    }

    /// The site's name from the title of its feed link, until the first sync brings the
    /// feed's own `<title>`: WordPress titles the link "Site » Feed".
    static func siteTitle(fromFeedLinkTitle title: String) -> String? {
        var name = title.trimmingCharacters(in: .whitespaces)
        if name.lowercased().hasSuffix("feed"), let separator = name.range(of: "»", options: .backwards) {
            name = String(name[..<separator.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
        return name.isEmpty ? nil : name
    }

    /// The blogs a sync covers: those with a feed (imported exports without one are skipped).
    public func subscriptions() throws -> [Blog] {
        try store.blogs().map(\.blog).filter { $0.feedURL != nil && $0.origin != .export }
    }

    /// Syncs `blogs` (every subscription when nil), a bounded number at a time; `progress`
    /// is called once per finished blog, from any thread. Results keep the order of `blogs`.
    ///
    /// With `.complete` indexing, the search index takes the new text in batches of a few
    /// thousand rows, queued behind the merges, and the rest after the last blog: indexing each
    /// merge on its own would cost FTS5 a segment per blog, and indexing all at the end would
    /// leave the processors idle but one meanwhile (see `SyncSearchIndexing` for the others).
    /// The writer never copies the write-ahead log back into the
    /// database: a checkpointer of its own does, after each blog, while the next ones are
    /// fetched and parsed.
    public func sync(
        _ blogs: [Blog]? = nil, progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }
    ) async throws -> [SyncResult] {
        let targets = try blogs ?? subscriptions()
        let counter = SyncCounter()
        let total = targets.count
        return try await store.checkpointingInBackground { checkpoints in
            let results = await FetchQueue.run(
                targets, limit: options.blogConcurrency, perKeyLimit: options.perHostConcurrency,
                key: { URL(string: $0.feedURL ?? $0.sourceKey)?.host ?? "" }
            ) { blog in
                let result = await self.syncWithoutIndexing(blog)
                if result.bytes > 0 {
                    // The blog's writes are in: the disk flushes them while the next blogs are parsed,
                    // and the writer indexes the text waiting, once there is a batch of it.
                    checkpoints.request()
                    if self.options.searchIndex == .complete { self.indexSearchBacklog() }
                }
                progress(SyncProgress(completed: counter.increment(), total: total, result: result))
                return result
            }
            await followThreadsCommented()
            // The cache is complete without the index (search falls back to a scan), so a failure
            // here is left for the next sync or import to catch up rather than failing every blog.
            // Indexed before the last checkpoint, which then copies the index with the last blogs.
            try? await updateSearchIndex()
            return results
        }
    }

    /// Syncs one blog; never throws: a failure is the result's `error`, also stored as the
    /// blog's last error.
    public func sync(_ blog: Blog) async -> SyncResult {
        let result = await syncWithoutIndexing(blog)
        await followThreadsCommented()
        try? await updateSearchIndex()
        return result
    }

    /// Follows the threads the user commented on among what the sync brought. A failure
    /// leaves them for the next sync, which looks from the same point again.
    private func followThreadsCommented() async {
        guard let identity = options.identity else { return }
        let store = self.store
        _ = try? await writer.perform { try store.followThreadsCommented(by: identity) }
    }

    /// Rows of new text the writer indexes at a time during a sync (see `sync(_:progress:)`).
    static let searchIndexBatch = 2000

    /// Queues the indexing of the text waiting, if a batch of it waits, behind the merges
    /// already queued; a failure is left for the index's catching up after the last blog.
    private func indexSearchBacklog() {
        let store = self.store
        writer.submit { _ = try? store.indexSearchBacklog(atLeast: Self.searchIndexBatch) }
    }

    /// Indexes the text waiting as `options.searchIndex` says.
    private func updateSearchIndex() async throws {
        let store = self.store
        switch options.searchIndex {
        case .complete:
            try await writer.perform { try store.updateSearchIndex() }
        case .whenAtMost(let rows):
            try await writer.perform { _ = try store.indexSearchBacklog(ifAtMost: rows) }
        case .deferred:
            break
        }
    }

    private func syncWithoutIndexing(_ blog: Blog) async -> SyncResult {
        let feedURLText = blog.feedURL ?? blog.sourceKey
        var result = SyncResult(
            blogID: blog.id, title: TerminalSafeText.sanitize(blog.title), feedURL: feedURLText)
        do {
            guard let feedURL = URL(string: feedURLText), feedURL.scheme != nil else {
                throw SyncFailure("\(feedURLText): not a URL")
            }
            try await syncPostsAndComments(blog, feedURL: feedURL, result: &result)
        } catch let error as FetchError {
            result.error = "\(error.url.absoluteString): \(error.message)"
        } catch {
            result.error = "\(error)"
        }
        let store = self.store
        let error = result.error
        // The feed's own title replaces the one the subscription guessed.
        if let stored = try? store.blog(id: blog.id) { result.title = TerminalSafeText.sanitize(stored.title) }
        // Cache writes go through the writer thread, never blocking a fetching thread.
        try? await writer.perform { try store.recordSync(blogID: blog.id, at: Date(), error: error) }
        return result
    }
}

/// A sync failure already phrased for the user.
struct SyncFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Counts finished blogs across concurrent tasks.
final class SyncCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
