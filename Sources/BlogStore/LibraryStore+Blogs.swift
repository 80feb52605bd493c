import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    /// Whether the library holds any subscribed blog at all; cheap, for start-up.
    public func hasBlogs() throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM blog WHERE \(Self.subscribedBlogCondition))") ?? false
        }
    }

    /// Every subscribed blog with its listed-post, unread and approved-comment counts, by title.
    /// Removed blogs kept only for their drafts are left out (see `removeBlog(id:)`).
    public func blogs() throws -> [BlogSummary] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Blog.columns),
                        (SELECT count(*) FROM post p WHERE p.blog_id = blog.id AND p.listed = 1) AS post_count,
                        (SELECT count(*) FROM post p WHERE p.blog_id = blog.id AND p.listed = 1
                            AND p.read_at IS NULL) AS unread_count,
                        (SELECT count(*) FROM post p JOIN comment c ON c.post_id = p.id
                            WHERE p.blog_id = blog.id AND p.listed = 1 AND c.status = 'approved') AS comment_count
                    FROM blog WHERE \(Self.subscribedBlogCondition)
                    ORDER BY blog.title COLLATE NOCASE, blog.id
                    """
            ).map { row in
                BlogSummary(
                    blog: Blog(row: row), postCount: row["post_count"], unreadCount: row["unread_count"],
                    commentCount: row["comment_count"])
            }
        }
    }

    /// The values of `kind` among listed posts, most common first, with their post counts.
    public func facets(_ kind: FilterKind) throws -> [Facet] {
        let sql: String
        switch kind {
        case .blog:
            sql = """
                SELECT b.title AS name, CAST(b.id AS TEXT) AS value, count(*) AS n
                FROM post p JOIN blog b ON b.id = p.blog_id WHERE p.listed = 1
                GROUP BY b.id ORDER BY n DESC, b.title COLLATE NOCASE
                """
        case .category, .tag:
            sql = """
                SELECT t.name AS name, t.name AS value, count(*) AS n
                FROM post_term t JOIN post p ON p.id = t.post_id
                WHERE t.kind = '\(kind.rawValue)' AND p.listed = 1
                GROUP BY t.name ORDER BY n DESC, t.name COLLATE NOCASE
                """
        case .author:
            sql = """
                SELECT p.author AS name, p.author AS value, count(*) AS n FROM post p
                WHERE p.listed = 1 AND p.author <> ''
                GROUP BY p.author ORDER BY n DESC, p.author COLLATE NOCASE
                """
        }
        return try writer.read { db in
            try Row.fetchAll(db, sql: sql).map { Facet(name: $0["name"], value: $0["value"], count: $0["n"]) }
        }
    }
}
