import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    /// Runs `body` as one import: one transaction, rolled back entirely when `body` throws.
    ///
    /// The new text is added to the search index inside the same transaction, so search finds
    /// it through the index as soon as this returns, and a kill at any moment leaves text and
    /// index in step. With `deferSearchIndex` the text is only stored; call
    /// `updateSearchIndex()` later (search still finds the new rows, by a slower scan, meanwhile).
    ///
    /// With `directIntoEmptyCache` (a file import), a cache without posts that no other
    /// connection has open is written through a rollback journal instead of the write-ahead
    /// log (see `beginDirectWrites`).
    public func writeSession<T>(
        deferSearchIndex: Bool = false, directIntoEmptyCache: Bool = false, _ body: (WriteSession) throws -> T
    ) throws -> T {
        // A large import leaves a write-ahead log as large as the data. Its commit would copy
        // all of it into the database file before returning; the next write (or closing the
        // cache) does that instead, once.
        try checkpointDeferral.begin(writer)
        defer { checkpointDeferral.end(writer) }
        let direct = directIntoEmptyCache && beginDirectWrites()
        defer { if direct { endDirectWrites() } }
        return try writer.writeWithoutTransaction { db -> T in
            var result: T?
            try db.inTransaction {
                let session = try WriteSession(db: db, indexesSearchText: !deferSearchIndex)
                result = try body(session)
                if !deferSearchIndex { try session.indexPendingSearchText() }
                return .commit
            }
            return result!
        }
    }

    /// Runs `body`, a bulk write of many transactions (a sync), with the write-ahead log
    /// copied back into the database once afterwards rather than after each commit.
    public func deferringCheckpoints<T>(_ body: () async throws -> T) async throws -> T {
        try checkpointDeferral.begin(writer)
        defer { checkpointDeferral.end(writer) }
        return try await body()
    }

    /// Indexes every stored text the search index does not cover yet, in batches of
    /// `batch` rows per transaction so that other writers get their turn.
    public func updateSearchIndex(batch: Int = 50_000) throws {
        for table in [SearchIndex.Table.post, .comment] {
            while try writer.write({ db in try SearchIndex.catchUp(db, table, batch: batch) }) > 0 {}
        }
    }

    /// How many posts and comments wait for `updateSearchIndex()`.
    public func pendingSearchIndexCount() throws -> Int {
        try writer.read { db in
            try SearchIndex.pendingCount(db, .post) + SearchIndex.pendingCount(db, .comment)
        }
    }
}
