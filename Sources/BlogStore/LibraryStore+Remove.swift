import BlogModel
import Foundation
import GRDB

/// Unsubscribing: a blog leaves the library with its posts, comments, search text and HTTP
/// validators, in one transaction.
///
/// Drafts are the user's own writing, so they stay. A draft needs its post (the schema
/// deletes drafts with their post) and a reply needs the comment it answers, so the posts
/// that drafts answer stay whole but unlisted (`listed = 0`), and the blog row they belong
/// to stays under a retired source key: every list of blogs leaves it out, a sync never
/// sees it, and subscribing to the same blog again starts a new blog rather than reviving
/// this one. A retired blog goes for good once none of its drafts is left (checked at the
/// next removal).
extension LibraryStore {
    /// Source keys of removed blogs kept for their drafts start with this.
    static let retiredKeyPrefix = "lectern-removed:"

    /// SQL true for blogs that are still subscribed (on table `blog`).
    static let subscribedBlogCondition =
        "substr(blog.source_key, 1, \(retiredKeyPrefix.count)) <> '\(retiredKeyPrefix)'"

    /// What removing blog `id` would take away; nil when there is no such subscribed blog.
    public func blogRemoval(id: Int64) throws -> BlogRemoval? {
        try writer.read { db in try Self.removal(db, blogID: id) }
    }

    /// Removes blog `id`; returns what went and what was kept, nil when there is no such blog.
    /// With `wait`, a bounded attempt (see `write(waitingAtMost:_:)`).
    @discardableResult
    public func removeBlog(id: Int64, waitingAtMost wait: TimeInterval? = nil) throws -> BlogRemoval? {
        try write(waitingAtMost: wait) { db -> BlogRemoval? in
            guard let removal = try Self.removal(db, blogID: id) else { return nil }
            try Self.forgetSearchText(db, blogID: id)
            try Self.forgetValidators(db, blog: removal.blog)
            try db.execute(
                sql: "DELETE FROM post WHERE blog_id = ? AND id NOT IN (SELECT post_id FROM draft)",
                arguments: [id])
            if removal.keptPostCount == 0 {
                try db.execute(sql: "DELETE FROM blog WHERE id = ?", arguments: [id])
            } else {
                try db.execute(sql: "UPDATE post SET listed = 0 WHERE blog_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM blog_sync_state WHERE blog_id = ?", arguments: [id])
                try db.execute(
                    sql: "UPDATE blog SET source_key = ? || id || ':' || source_key, last_error = NULL WHERE id = ?",
                    arguments: [Self.retiredKeyPrefix, id])
            }
            try Self.purgeRetiredBlogs(db)
            return removal
        }
    }

    private static func removal(_ db: Database, blogID: Int64) throws -> BlogRemoval? {
        guard
            let blog = try Blog.fetchOne(
                db, sql: "SELECT \(Blog.columns) FROM blog WHERE id = ? AND \(subscribedBlogCondition)",
                arguments: [blogID])
        else { return nil }
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT
                    (SELECT count(*) FROM post p WHERE p.blog_id = ?1 AND p.listed = 1) AS posts,
                    (SELECT count(*) FROM post p JOIN comment c ON c.post_id = p.id
                        WHERE p.blog_id = ?1 AND p.listed = 1 AND c.status = 'approved') AS comments,
                    (SELECT count(*) FROM draft d JOIN post p ON p.id = d.post_id WHERE p.blog_id = ?1) AS drafts,
                    (SELECT count(DISTINCT d.post_id) FROM draft d JOIN post p ON p.id = d.post_id
                        WHERE p.blog_id = ?1) AS kept
                """, arguments: [blogID])
        return BlogRemoval(
            blog: blog, postCount: row?["posts"] ?? 0, commentCount: row?["comments"] ?? 0,
            draftCount: row?["drafts"] ?? 0, keptPostCount: row?["kept"] ?? 0)
    }

    /// Takes the blog's posts and comments out of the search index and drops their text, kept
    /// posts' too: they are never listed again. External-content FTS forgets a row only when
    /// told its exact old text, so rows the index holds are deleted from it first.
    private static func forgetSearchText(_ db: Database, blogID: Int64) throws {
        let postsIndexed = try SearchIndex.indexedThrough(db, .post)
        let commentsIndexed = try SearchIndex.indexedThrough(db, .comment)
        try db.execute(
            sql: """
                INSERT INTO post_fts (post_fts, rowid, title, body)
                SELECT 'delete', t.post_id, t.title, t.body FROM post_text t JOIN post p ON p.id = t.post_id
                WHERE p.blog_id = ? AND t.post_id <= ?
                """, arguments: [blogID, postsIndexed])
        try db.execute(
            sql: """
                INSERT INTO comment_fts (comment_fts, rowid, body)
                SELECT 'delete', t.comment_id, t.body FROM comment_text t
                JOIN comment c ON c.id = t.comment_id JOIN post p ON p.id = c.post_id
                WHERE p.blog_id = ? AND t.comment_id <= ?
                """, arguments: [blogID, commentsIndexed])
        try db.execute(
            sql: """
                DELETE FROM comment_text WHERE comment_id IN (
                    SELECT c.id FROM comment c JOIN post p ON p.id = c.post_id WHERE p.blog_id = ?)
                """, arguments: [blogID])
        try db.execute(
            sql: "DELETE FROM post_text WHERE post_id IN (SELECT id FROM post WHERE blog_id = ?)",
            arguments: [blogID])
    }

    /// Drops the ETags and Last-Modified dates of the blog's URLs: its feed, its posts' comment
    /// feeds, everything under its REST root, and its site comments feed. Left behind, they
    /// would turn the first fetch of a blog subscribed again into a 304 with nothing to show.
    private static func forgetValidators(_ db: Database, blog: Blog) throws {
        var urls = [blog.feedURL].compactMap { $0 }
        if let apiRoot = blog.apiRoot, let feed = siteCommentsFeed(apiRoot: apiRoot) { urls.append(feed) }
        let list = String(decoding: try JSONEncoder().encode(urls), as: UTF8.self)
        try db.execute(
            sql: """
                DELETE FROM http_validator
                WHERE url IN (SELECT value FROM json_each(?))
                    OR url IN (SELECT comment_feed_url FROM post WHERE blog_id = ? AND comment_feed_url IS NOT NULL)
                    OR (?3 IS NOT NULL AND substr(url, 1, length(?3)) = ?3)
                """, arguments: [list, blog.id, blog.apiRoot])
    }

    /// The site comments feed a WordPress sync keeps validators for, as BlogFormats'
    /// `WordPressRESTEndpoint.commentsFeed` builds it (the store cannot see that target): the
    /// site is the root without `wp-json/`, `?rest_route=` or `index.php`; the feed is
    /// `?feed=comments-rss2` there for a `?rest_route=` root, else `comments/feed/`.
    static func siteCommentsFeed(apiRoot: String) -> String? {
        guard var components = URLComponents(string: apiRoot) else { return nil }
        let isQueryRoot = components.queryItems?.contains { $0.name == "rest_route" } ?? false
        let kept = (components.queryItems ?? []).filter { $0.name != "rest_route" }
        components.queryItems = kept.isEmpty ? nil : kept
        components.fragment = nil
        for suffix in ["wp-json/", "wp-json"] where components.path.hasSuffix("/" + suffix) {
            components.path.removeLast(suffix.count)
            break
        }
        if components.path.hasSuffix("/index.php") { components.path.removeLast("index.php".count) }
        if components.path.isEmpty { components.path = "/" }
        if isQueryRoot {
            components.queryItems = kept + [URLQueryItem(name: "feed", value: "comments-rss2")]
            return components.string
        }
        guard var site = components.string else { return nil }
        if !site.hasSuffix("/") { site += "/" }
        return site + "comments/feed/"
    }

    /// Blogs removed earlier whose kept drafts have all been deleted since.
    private static func purgeRetiredBlogs(_ db: Database) throws {
        let retired = "SELECT id FROM blog WHERE NOT (\(subscribedBlogCondition))"
        try db.execute(
            sql: """
                DELETE FROM post WHERE blog_id IN (\(retired)) AND id NOT IN (SELECT post_id FROM draft)
                """)
        try db.execute(
            sql: """
                DELETE FROM blog WHERE id IN (\(retired)) AND NOT EXISTS (SELECT 1 FROM post WHERE blog_id = blog.id)
                """)
    }
}
