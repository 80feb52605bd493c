/// How much of the search index a sync builds before it returns.
///
/// Indexing is a third of a first sync's time and runs on the cache's single writer, after
/// the merges: 10,000 new posts cost half a second. The stored text is searchable either way
/// (search scans what the index does not cover yet), so only when it is indexed is a choice.
public enum SyncSearchIndexing: Equatable, Sendable {
    /// All the text waiting, this sync's and any left before, indexed between blogs and at the
    /// end: search is fully indexed when the sync returns (the reader's syncs, `lectern add`).
    case complete
    /// The text waiting is indexed at the end when it is at most `rows` rows (a tenth of a
    /// second or so); a larger backlog, as a first sync of many blogs leaves, is left for the
    /// reader, which indexes it in the background, or the next import (`lectern sync`).
    case whenAtMost(rows: Int)
    /// None: the caller indexes (`LibraryStore.updateSearchIndex()`).
    case deferred

    /// What `lectern sync` does: the backlog a routine sync leaves is indexed at once.
    public static let commandLine = SyncSearchIndexing.whenAtMost(rows: 2_000)
}
