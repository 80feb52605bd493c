import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    /// Runs `body` as one import: one transaction, rolled back entirely when `body` throws.
    ///
    /// After the commit the new text is added to the search index, unless `deferSearchIndex`
    /// is true; then call `updateSearchIndex()` later (search still finds the new rows, by a
    /// slower scan, meanwhile).
    public func importSession<T>(
        deferSearchIndex: Bool = false, _ body: (ImportSession) throws -> T
    ) throws -> T {
        let result = try writer.write { db in try body(ImportSession(db: db)) }
        if !deferSearchIndex { try updateSearchIndex() }
        return result
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
