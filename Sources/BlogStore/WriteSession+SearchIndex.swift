import Foundation
import GRDB

extension WriteSession {
    /// Bytes of new text indexed at a time by a session that indexes its own text.
    ///
    /// FTS5 writes its pending tokens to disk whenever a statement opens a savepoint (as an
    /// upsert with RETURNING does), so indexing each row as it is stored would write a tiny
    /// index segment per post and cost more than the rest of the import. Indexing the stored
    /// text in batches, with one INSERT … SELECT each, writes one segment per batch. The
    /// batch stays below the tables' `hashsize` (16 MB, see the schema) so that FTS5 does not
    /// split it, and small enough that the parser, waiting meanwhile, is not held up long.
    static let searchIndexBatchBytes = 8 << 20

    /// Counts `bytes` of newly stored search text; indexes the pending text once a batch is due.
    func noteNewSearchText(_ bytes: Int) throws {
        guard indexesSearchText else { return }
        unindexedTextBytes += bytes
        if unindexedTextBytes >= Self.searchIndexBatchBytes { try indexPendingSearchText() }
    }

    /// Indexes every stored text the index does not cover yet (this session's and any
    /// backlog left by deferred writes), inside this session's transaction.
    func indexPendingSearchText() throws {
        while try SearchIndex.catchUp(db, .post, batch: Int.max) > 0 {}
        while try SearchIndex.catchUp(db, .comment, batch: Int.max) > 0 {}
        postsIndexedThrough = try SearchIndex.indexedThrough(db, .post)
        commentsIndexedThrough = try SearchIndex.indexedThrough(db, .comment)
        unindexedTextBytes = 0
    }
}
