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
                guard try Self.unindexedIDSpan(db, table) >= threshold else { continue }
                while case let count = try SearchIndex.catchUp(db, table, batch: Int.max), count > 0 {
                    indexed += count
                }
            }
            return indexed
        }
    }

    /// Indexes all the text waiting, in one transaction, when no more than `limit` rows of it
    /// (posts and comments) wait; returns how many rows it indexed (0 when it left them).
    @discardableResult
    public func indexSearchBacklog(ifAtMost limit: Int) throws -> Int {
        try writer.write { db in
            let waiting = try Self.unindexedRows(db)
            guard waiting > 0, waiting <= limit else { return 0 }
            return try SearchIndex.catchUp(db, .post, batch: limit) + SearchIndex.catchUp(db, .comment, batch: limit)
        }
    }

    /// Indexes up to `rows` rows of the text waiting (posts first), in one transaction, waiting
    /// at most `wait` seconds for the write lock (see `write(waitingAtMost:_:)`); returns how
    /// many it indexed, 0 once nothing waits. The reader catches up in such steps, so that its
    /// own writes and other processes' wait a moment at most.
    public func indexSearchBacklog(upTo rows: Int, waitingAtMost wait: TimeInterval?) throws -> Int {
        // Most starts find nothing waiting: a read tells, without taking the write lock.
        guard try writer.read(Self.unindexedRows) > 0 else { return 0 }
        return try write(waitingAtMost: wait) { db in
            let posts = try SearchIndex.catchUp(db, .post, batch: rows)
            return posts + (posts < rows ? try SearchIndex.catchUp(db, .comment, batch: rows - posts) : 0)
        }
    }

    /// Posts and comments waiting for the index, told from their ids (see `unindexedIDSpan`):
    /// counting them would walk the text itself, megabytes of it.
    private static func unindexedRows(_ db: Database) throws -> Int {
        try unindexedIDSpan(db, .post) + unindexedIDSpan(db, .comment)
    }

    /// How many ids lie past the index's end: the rows waiting, or a few more where rows were
    /// removed. Ids only grow, so the newest one tells the backlog without counting it.
    private static func unindexedIDSpan(_ db: Database, _ table: SearchIndex.Table) throws -> Int {
        let newest = try Int64.fetchOne(db, sql: "SELECT max(\(table.idColumn)) FROM \(table.textTable)") ?? 0
        return Int(max(0, newest - (try SearchIndex.indexedThrough(db, table))))
    }
}
