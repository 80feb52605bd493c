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
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, p.source_id, p.link, p.remote_post_id, p.comment_feed_url,
                        p.advertised_comment_count, p.comments_read_at_count,
                        (SELECT count(*) FROM comment c WHERE c.post_id = p.id AND c.status = 'approved') AS cached
                    FROM post p WHERE \(condition)
                    ORDER BY p.sort_date DESC, p.id DESC LIMIT ?
                    """, arguments: arguments
            ).map { row in
                PostCommentState(
                    postID: row["id"], sourceID: row["source_id"], link: row["link"],
                    remotePostID: row["remote_post_id"], commentFeedURL: row["comment_feed_url"],
                    advertisedCommentCount: row["advertised_comment_count"], cachedCommentCount: row["cached"],
                    commentsReadAtCount: row["comments_read_at_count"])
            }
        }
    }
}
