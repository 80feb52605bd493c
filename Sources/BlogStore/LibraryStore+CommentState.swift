import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    /// The comment sources and counts of a blog's newest `limit` listed posts, newest first,
    /// in one read (a sync checks hundreds of posts per blog).
    public func commentStates(blogID: Int64, limit: Int) throws -> [PostCommentState] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, p.source_id, p.link, p.remote_post_id, p.comment_feed_url,
                        p.advertised_comment_count, p.comments_read_at_count,
                        (SELECT count(*) FROM comment c WHERE c.post_id = p.id AND c.status = 'approved') AS cached
                    FROM post p WHERE p.blog_id = ? AND p.listed = 1
                    ORDER BY p.sort_date DESC, p.id DESC LIMIT ?
                    """, arguments: [blogID, limit]
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
