import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    /// The comment sources and counts of a blog's newest `limit` listed posts, newest first,
    /// in one read (a sync checks hundreds of posts per blog).
    public func commentStates(blogID: Int64, limit: Int) throws -> [PostCommentState] {
        try commentStates(where: "p.blog_id = ? AND p.listed = 1", arguments: [blogID, limit])
    }

    /// The comment sources and counts of the blog's followed posts, newest first: a sync asks
    /// them also when they have left the blog's feed.
    public func watchedCommentStates(blogID: Int64) throws -> [PostCommentState] {
        try commentStates(where: "p.watch = 1 AND p.blog_id = ? AND p.listed = 1", arguments: [blogID, Int.max])
    }

    private func commentStates(where condition: String, arguments: StatementArguments) throws -> [PostCommentState] {
        try writer.read { db in
            try Self.commentStates(
                db,
                sql: """
                    SELECT \(Self.commentStateColumns) FROM post p WHERE \(condition)
                    ORDER BY p.sort_date DESC, p.id DESC LIMIT ?
                    """, arguments: arguments)
        }
    }

    /// Those of `commentStates(blogID:limit:)` whose comments may be incomplete: the feed
    /// advertises no count, or more comments than are cached and than were last read in full.
    /// Posts without a comment feed are left out unless `includingPostsWithoutCommentFeed`
    /// (the blog has another comment source, its REST API).
    ///
    /// A sync whose posts feed answered 304 asks this of every blog; filtering in SQL spares it
    /// decoding the hundreds of posts per blog that have nothing to fetch.
    public func commentStatesToCheck(
        blogID: Int64, limit: Int, includingPostsWithoutCommentFeed: Bool
    ) throws -> [PostCommentState] {
        try writer.read { db in
            try Self.commentStates(
                db,
                sql: """
                    SELECT w.id, w.source_id, w.link, w.remote_post_id, w.comment_feed_url, w.advertised,
                        w.read_at, (\(Self.cachedCountSQL("w.id"))) AS cached
                    FROM (
                        SELECT p.id, p.source_id, p.link, p.remote_post_id, p.comment_feed_url,
                            p.advertised_comment_count AS advertised, p.comments_read_at_count AS read_at,
                            p.sort_date
                        FROM post p WHERE p.blog_id = ?1 AND p.listed = 1
                        ORDER BY p.sort_date DESC, p.id DESC LIMIT ?2) w
                    WHERE (?3 OR w.comment_feed_url IS NOT NULL)
                        AND (w.advertised IS NULL
                            OR (w.advertised > 0 AND w.read_at IS NOT w.advertised AND cached < w.advertised))
                    ORDER BY w.sort_date DESC, w.id DESC
                    """, arguments: [blogID, limit, includingPostsWithoutCommentFeed])
        }
    }

    private static let commentStateColumns = """
        p.id, p.source_id, p.link, p.remote_post_id, p.comment_feed_url, p.advertised_comment_count,
        p.comments_read_at_count, (\(cachedCountSQL("p.id")))
        """

    /// The approved comments cached for the post whose id is `postID`.
    private static func cachedCountSQL(_ postID: String) -> String {
        "SELECT count(*) FROM comment c WHERE c.post_id = \(postID) AND c.status = 'approved'"
    }

    /// Rows of `commentStateColumns`, decoded by position (by name costs a lowercased copy
    /// of every column name for every row).
    private static func commentStates(
        _ db: Database, sql: String, arguments: StatementArguments
    ) throws -> [PostCommentState] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var states: [PostCommentState] = []
        while let row = try rows.next() {
            states.append(
                PostCommentState(
                    postID: row[0], sourceID: row[1], link: row[2], remotePostID: row[3], commentFeedURL: row[4],
                    advertisedCommentCount: row[5], cachedCommentCount: row[7], commentsReadAtCount: row[6]))
        }
        return states
    }
}
