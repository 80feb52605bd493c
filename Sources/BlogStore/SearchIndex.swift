import Foundation
import GRDB

/// Keeps the FTS5 indexes in step with the stored search text.
///
/// Writes store the text first and index it in batches (`catchUp`): an import every few
/// megabytes inside its own transaction (`WriteSession.indexPendingSearchText`), a deferred
/// write (a sync) afterwards. Rows not yet indexed are found by a direct scan
/// (`SearchQuery`), so search is never wrong, only slower until the index catches up.
enum SearchIndex {
    enum Table: String {
        case post
        case comment

        var textTable: String { self == .post ? "post_text" : "comment_text" }
        var ftsTable: String { self == .post ? "post_fts" : "comment_fts" }
        var idColumn: String { self == .post ? "post_id" : "comment_id" }
        var textColumns: String { self == .post ? "title, body" : "body" }
    }

    static func indexedThrough(_ db: Database, _ table: Table) throws -> Int64 {
        try Int64.fetchOne(
            db, sql: "SELECT indexed_through FROM search_index_state WHERE name = ?",
            arguments: [table.rawValue]) ?? 0
    }

    /// Indexes up to `batch` pending rows; returns how many it indexed.
    static func catchUp(_ db: Database, _ table: Table, batch: Int) throws -> Int {
        let from = try indexedThrough(db, table)
        let ids = try Row.fetchOne(
            db,
            sql: """
                SELECT count(*) AS n, max(\(table.idColumn)) AS last FROM (
                    SELECT \(table.idColumn) FROM \(table.textTable)
                    WHERE \(table.idColumn) > ? ORDER BY \(table.idColumn) LIMIT ?)
                """, arguments: [from, batch])
        guard let count: Int = ids?["n"], count > 0, let last: Int64 = ids?["last"] else { return 0 }
        try db.execute(
            sql: """
                INSERT INTO \(table.ftsTable) (rowid, \(table.textColumns))
                SELECT \(table.idColumn), \(table.textColumns) FROM \(table.textTable)
                WHERE \(table.idColumn) > ? AND \(table.idColumn) <= ?
                """, arguments: [from, last])
        try db.execute(
            sql: "UPDATE search_index_state SET indexed_through = ? WHERE name = ?",
            arguments: [last, table.rawValue])
        return count
    }

    static func pendingCount(_ db: Database, _ table: Table) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT count(*) FROM \(table.textTable) WHERE \(table.idColumn) > ?",
            arguments: [indexedThrough(db, table)]) ?? 0
    }

    /// Replaces a comment's search text; true when it differed. An indexed row leaves the
    /// index with its old text (external-content FTS needs the exact old values).
    @discardableResult
    static func replaceCommentText(_ db: Database, id: Int64, body: String, indexed: Bool) throws -> Bool {
        let old = try String.fetchOne(
            db.cachedStatement(sql: "SELECT body FROM comment_text WHERE comment_id = ?"), arguments: [id])
        guard old != body else { return false }
        if indexed, let old {
            try db.cachedStatement(sql: "INSERT INTO comment_fts (comment_fts, rowid, body) VALUES ('delete', ?, ?)")
                .execute(arguments: [id, old])
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO comment_text (comment_id, body) VALUES (?, ?)
                ON CONFLICT (comment_id) DO UPDATE SET body = excluded.body
                """
        ).execute(arguments: [id, body])
        if indexed {
            try db.cachedStatement(sql: "INSERT INTO comment_fts (rowid, body) VALUES (?, ?)")
                .execute(arguments: [id, body])
        }
        return true
    }

    /// Replaces a post's search text; true when it differed.
    @discardableResult
    static func replacePostText(
        _ db: Database, id: Int64, title: String, body: String, indexed: Bool
    ) throws -> Bool {
        let old = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT title, body FROM post_text WHERE post_id = ?"), arguments: [id])
        let oldTitle: String? = old?["title"]
        let oldBody: String? = old?["body"]
        guard oldTitle != title || oldBody != body else { return false }
        if indexed, let oldTitle, let oldBody {
            try db.cachedStatement(
                sql: "INSERT INTO post_fts (post_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)"
            )
            .execute(arguments: [id, oldTitle, oldBody])
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO post_text (post_id, title, body) VALUES (?, ?, ?)
                ON CONFLICT (post_id) DO UPDATE SET title = excluded.title, body = excluded.body
                """
        ).execute(arguments: [id, title, body])
        if indexed {
            try db.cachedStatement(sql: "INSERT INTO post_fts (rowid, title, body) VALUES (?, ?, ?)")
                .execute(arguments: [id, title, body])
        }
        return true
    }
}
