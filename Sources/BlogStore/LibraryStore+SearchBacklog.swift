import Foundation
import GRDB

extension LibraryStore {
    /// Indexes all the stored text the search index does not cover yet, in one transaction,
    /// once at least `threshold` posts or comments of it wait; returns how many rows it indexed.
    ///
    /// A sync calls this between blogs: the single writer then indexes while the processors
    /// parse the blogs still to come, instead of indexing everything after the last one.
    /// Batches of a few thousand rows keep FTS5's segments few (each transaction writes one).
    @discardableResult
    public func indexSearchBacklog(atLeast threshold: Int) throws -> Int {
        try writer.write { db in
            var indexed = 0
            for table in [SearchIndex.Table.post, .comment] {
                // Ids only grow, so the newest one tells the backlog without counting it.
                let newest =
                    try Int64.fetchOne(db, sql: "SELECT max(\(table.idColumn)) FROM \(table.textTable)") ?? 0
                guard newest - (try SearchIndex.indexedThrough(db, table)) >= Int64(threshold) else { continue }
                while case let count = try SearchIndex.catchUp(db, table, batch: Int.max), count > 0 {
                    indexed += count
                }
            }
            return indexed
        }
    }
}
