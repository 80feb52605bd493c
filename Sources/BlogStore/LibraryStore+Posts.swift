import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    private static let summaryColumns = """
        p.id, p.blog_id, b.title AS blog_title, p.title, p.author, p.published, p.link,
        p.read_at IS NULL AS unread, p.starred, p.sort_date, p.watch IS 1 AS watched,
        (SELECT count(*) FROM comment c WHERE c.post_id = p.id AND c.status = 'approved') AS comment_count,
        CASE WHEN p.visited_at IS NULL AND p.watch IS NOT 1 THEN 0 ELSE
            (SELECT count(*) FROM comment c WHERE c.post_id = p.id AND c.status = 'approved' AND c.seen = 0)
        END AS new_comment_count
        """

    /// Up to `limit` posts after `cursor` (from the top when nil), newest first; undated posts last.
    public func postWindow(_ filter: PostFilter, after cursor: PostCursor?, limit: Int) throws -> [PostSummary] {
        try writer.read { db in try Self.window(db, filter, after: cursor, limit: limit) }
    }

    /// Up to `limit` posts just before `cursor`, for scrolling up; still newest first.
    public func postWindow(_ filter: PostFilter, before cursor: PostCursor, limit: Int) throws -> [PostSummary] {
        try writer.read { db in try Self.window(db, filter, before: cursor, limit: limit) }
    }

    /// `postWindow(_:after:limit:)` with the filter's total and unread counts, read in one
    /// transaction: the counts describe the same snapshot as the rows, and one read costs the
    /// reader's key press less than three while an import keeps the disk and CPUs busy.
    public func postWindowAndCounts(
        _ filter: PostFilter, after cursor: PostCursor?, limit: Int
    ) throws -> (posts: [PostSummary], total: Int, unread: Int) {
        try writer.read { db in
            (
                try Self.window(db, filter, after: cursor, limit: limit), try Self.count(db, filter),
                try Self.unreadCount(db, filter)
            )
        }
    }

    /// `postWindow(_:before:limit:)` with the filter's total and unread counts, in one read.
    public func postWindowAndCounts(
        _ filter: PostFilter, before cursor: PostCursor, limit: Int
    ) throws -> (posts: [PostSummary], total: Int, unread: Int) {
        try writer.read { db in
            (
                try Self.window(db, filter, before: cursor, limit: limit), try Self.count(db, filter),
                try Self.unreadCount(db, filter)
            )
        }
    }

    /// How many listed posts the filter keeps.
    public func postCount(_ filter: PostFilter) throws -> Int {
        try writer.read { db in try Self.count(db, filter) }
    }

    /// How many listed posts the filter keeps that are unread.
    public func unreadCount(_ filter: PostFilter) throws -> Int {
        try writer.read { db in try Self.unreadCount(db, filter) }
    }

    private static func window(_ db: Database, _ filter: PostFilter, after cursor: PostCursor?, limit: Int) throws
        -> [PostSummary]
    {
        let (sql, arguments) = try filter.whereClause(db)
        var keyset = ""
        var all = arguments
        if let cursor {
            keyset = " AND (p.sort_date < ? OR (p.sort_date = ? AND p.id < ?))"
            all += [cursor.sortDate, cursor.sortDate, cursor.id]
        }
        all += [limit]
        return try summaries(
            db,
            sql: """
                SELECT \(summaryColumns) FROM post p JOIN blog b ON b.id = p.blog_id
                WHERE \(sql)\(keyset) ORDER BY p.sort_date DESC, p.id DESC LIMIT ?
                """, arguments: all)
    }

    private static func window(_ db: Database, _ filter: PostFilter, before cursor: PostCursor, limit: Int) throws
        -> [PostSummary]
    {
        let (sql, arguments) = try filter.whereClause(db)
        let rows = try summaries(
            db,
            sql: """
                SELECT \(summaryColumns) FROM post p JOIN blog b ON b.id = p.blog_id
                WHERE \(sql) AND (p.sort_date > ? OR (p.sort_date = ? AND p.id > ?))
                ORDER BY p.sort_date ASC, p.id ASC LIMIT ?
                """, arguments: arguments + [cursor.sortDate, cursor.sortDate, cursor.id, limit])
        return rows.reversed()
    }

    private static func count(_ db: Database, _ filter: PostFilter) throws -> Int {
        let (sql, arguments) = try filter.whereClause(db)
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM post p WHERE \(sql)", arguments: arguments) ?? 0
    }

    private static func unreadCount(_ db: Database, _ filter: PostFilter) throws -> Int {
        var unread = filter
        unread.unreadOnly = true
        return try count(db, unread)
    }

    /// Whether each of `ids` the filter keeps is unread in the cache; posts it drops are absent.
    /// The reader corrects its unread count by this while its own marks wait to be written.
    public func unreadStates(of ids: [Int64], filter: PostFilter) throws -> [Int64: Bool] {
        guard !ids.isEmpty else { return [:] }
        return try writer.read { db in
            let (sql, arguments) = try filter.whereClause(db)
            let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
            var states: [Int64: Bool] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT p.id, p.read_at IS NULL AS unread FROM post p WHERE \(sql) AND p.id IN (\(placeholders))",
                arguments: arguments + StatementArguments(ids))
            {
                states[row["id"]] = row["unread"]
            }
            return states
        }
    }

    /// The 0-based position of post `id` in the filtered list, or nil when the filter drops it.
    public func postIndex(of id: Int64, filter: PostFilter) throws -> Int? {
        try writer.read { db in
            let (sql, arguments) = try filter.whereClause(db)
            guard
                let key = try Row.fetchOne(
                    db, sql: "SELECT p.sort_date, p.id FROM post p WHERE \(sql) AND p.id = ?",
                    arguments: arguments + [id])
            else { return nil }
            let sortDate: Double = key["sort_date"]
            return try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM post p WHERE \(sql)
                    AND (p.sort_date > ? OR (p.sort_date = ? AND p.id > ?))
                    """, arguments: arguments + [sortDate, sortDate, id])
        }
    }

    /// The full post: metadata, body, categories and tags.
    public func post(id: Int64) throws -> Post? {
        try writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT p.*, pb.content_html, pb.excerpt_html FROM post p
                        LEFT JOIN post_body pb ON pb.post_id = p.id WHERE p.id = ?
                        """, arguments: [id])
            else { return nil }
            let terms = try Row.fetchAll(
                db, sql: "SELECT kind, name FROM post_term WHERE post_id = ? ORDER BY kind, position",
                arguments: [id])
            return Post(
                id: row["id"], blogID: row["blog_id"], sourceID: row["source_id"], title: row["title"],
                link: row["link"], author: row["author"], published: Date(storedSeconds: row["published"]),
                updated: Date(storedSeconds: row["updated"]),
                categories: terms.filter { $0["kind"] == "category" }.map { $0["name"] },
                tags: terms.filter { $0["kind"] == "tag" }.map { $0["name"] },
                contentHTML: row["content_html"] ?? "", excerptHTML: row["excerpt_html"] ?? "",
                remotePostID: row["remote_post_id"], commentFeedURL: row["comment_feed_url"],
                commentsOpen: row["comments_open"], advertisedCommentCount: row["advertised_comment_count"],
                authorUserID: row["author_user_id"])
        }
    }

    /// The parent of every stored comment that has one, by post and comment source id, for
    /// all of `postIDs` in one read.
    public func commentParents(postIDs: [Int64]) throws -> [Int64: [String: String]] {
        guard !postIDs.isEmpty else { return [:] }
        return try writer.read { db in
            var parents: [Int64: [String: String]] = [:]
            let list = String(decoding: try JSONEncoder().encode(postIDs), as: UTF8.self)
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT post_id, source_id, parent_source_id FROM comment
                        WHERE post_id IN (SELECT value FROM json_each(?)) AND parent_source_id IS NOT NULL
                        """),
                arguments: [list])
            while let row = try rows.next() {
                parents[row[0], default: [:]][row[1]] = row[2]
            }
            return parents
        }
    }

    /// The post's approved comments in storage order; `isNew` marks those not yet seen
    /// since the reader's last visit (none before the first visit, unless the post is
    /// watched: then every unseen comment is news). Marks (mine, reply to me, the post's
    /// author, muted) are worked out for `identity`; without one only comments the outbox
    /// sent count as the user's.
    public func comments(postID: Int64, identity: CommenterIdentity? = nil) throws -> [Comment] {
        try writer.read { db in
            var comments = try Comment.fetchAll(
                db,
                sql: """
                    SELECT \(Comment.columns),
                        ((p.visited_at IS NOT NULL OR p.watch IS 1) AND comment.seen = 0) AS is_new
                    FROM comment JOIN post p ON p.id = comment.post_id
                    WHERE comment.post_id = ? AND comment.status = 'approved' ORDER BY comment.id
                    """, arguments: [postID])
            guard !comments.isEmpty else { return comments }
            try Self.marker(db, postID: postID, identity: identity)?.mark(&comments)
            return comments
        }
    }

    private static func summaries(_ db: Database, sql: String, arguments: StatementArguments) throws -> [PostSummary] {
        var summaries = try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            PostSummary(
                id: row["id"], blogID: row["blog_id"], blogTitle: row["blog_title"], title: row["title"],
                author: row["author"], published: Date(storedSeconds: row["published"]), link: row["link"],
                commentCount: row["comment_count"], newCommentCount: row["new_comment_count"],
                unread: row["unread"], starred: row["starred"], watched: row["watched"])
        }
        guard !summaries.isEmpty else { return summaries }
        let ids = summaries.map(\.id)
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        var categories: [Int64: [String]] = [:]
        var tags: [Int64: [String]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT post_id, kind, name FROM post_term WHERE post_id IN (\(placeholders))
                ORDER BY post_id, kind, position
                """, arguments: StatementArguments(ids))
        {
            if row["kind"] == "tag" {
                tags[row["post_id"], default: []].append(row["name"])
            } else {
                categories[row["post_id"], default: []].append(row["name"])
            }
        }
        for index in summaries.indices {
            summaries[index].categories = categories[summaries[index].id] ?? []
            summaries[index].tags = tags[summaries[index].id] ?? []
        }
        return summaries
    }
}
