import Foundation
import GRDB

extension LibraryStore {
    /// Posts and approved comments whose text contains every word of `text`; post hits first,
    /// best match first. Anything the user types is searched for literally.
    public func search(_ text: String, limit: Int) throws -> [SearchHit] {
        guard let query = SearchQuery(text), limit > 0 else { return [] }
        return try writer.read { db in
            var hits = try Self.postHits(db, query, limit: limit)
            if hits.count < limit {
                hits += try Self.commentHits(db, query, limit: limit - hits.count)
            }
            return hits
        }
    }

    private static func postHits(_ db: Database, _ query: SearchQuery, limit: Int) throws -> [SearchHit] {
        var hits: [SearchHit] = []
        var scanFrom: Int64 = 0
        if !query.needsScan {
            hits = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, p.title, p.published, b.title AS blog_title,
                        snippet(post_fts, -1, '', '', '…', 12) AS snip
                    FROM post_fts JOIN post p ON p.id = post_fts.rowid JOIN blog b ON b.id = p.blog_id
                    WHERE post_fts MATCH ? AND p.listed = 1 ORDER BY post_fts.rank LIMIT ?
                    """, arguments: [query.ftsPattern, limit]
            ).map { Self.hit($0, postID: $0["id"], commentID: nil, snippet: $0["snip"]) }
            scanFrom = try SearchIndex.indexedThrough(db, .post)
        }
        guard hits.count < limit else { return hits }
        let like = query.likeClause("(t.title || ' ' || t.body)")
        hits += try Row.fetchAll(
            db,
            sql: """
                SELECT p.id, p.title, p.published, b.title AS blog_title, t.body
                FROM post_text t JOIN post p ON p.id = t.post_id JOIN blog b ON b.id = p.blog_id
                WHERE t.post_id > ? AND p.listed = 1 AND \(like.sql) ORDER BY p.sort_date DESC LIMIT ?
                """, arguments: [scanFrom] + like.arguments + [limit - hits.count]
        ).map { Self.hit($0, postID: $0["id"], commentID: nil, snippet: query.snippet(in: $0["body"])) }
        return hits
    }

    private static func commentHits(_ db: Database, _ query: SearchQuery, limit: Int) throws -> [SearchHit] {
        var hits: [SearchHit] = []
        var scanFrom: Int64 = 0
        if !query.needsScan {
            hits = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.post_id, p.title, p.published, b.title AS blog_title,
                        snippet(comment_fts, 0, '', '', '…', 12) AS snip
                    FROM comment_fts JOIN comment c ON c.id = comment_fts.rowid JOIN post p ON p.id = c.post_id
                    JOIN blog b ON b.id = p.blog_id
                    WHERE comment_fts MATCH ? AND c.status = 'approved' AND p.listed = 1
                    ORDER BY comment_fts.rank LIMIT ?
                    """, arguments: [query.ftsPattern, limit]
            ).map { Self.hit($0, postID: $0["post_id"], commentID: $0["id"], snippet: $0["snip"]) }
            scanFrom = try SearchIndex.indexedThrough(db, .comment)
        }
        guard hits.count < limit else { return hits }
        let like = query.likeClause("t.body")
        hits += try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.post_id, p.title, p.published, b.title AS blog_title, t.body FROM comment_text t
                JOIN comment c ON c.id = t.comment_id JOIN post p ON p.id = c.post_id JOIN blog b ON b.id = p.blog_id
                WHERE t.comment_id > ? AND c.status = 'approved' AND p.listed = 1 AND \(like.sql)
                ORDER BY t.comment_id DESC LIMIT ?
                """, arguments: [scanFrom] + like.arguments + [limit - hits.count]
        ).map { Self.hit($0, postID: $0["post_id"], commentID: $0["id"], snippet: query.snippet(in: $0["body"])) }
        return hits
    }

    private static func hit(_ row: Row, postID: Int64, commentID: Int64?, snippet: String) -> SearchHit {
        SearchHit(
            postID: postID, commentID: commentID, title: row["title"], snippet: snippet,
            blogTitle: row["blog_title"], published: Date(storedSeconds: row["published"]))
    }
}
