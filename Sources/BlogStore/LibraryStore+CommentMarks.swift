import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    /// What `CommentMarker` needs for one post: its author, the ids of the comments the
    /// outbox sent on it, and the mutes of its blog and its own; nil when the post is gone.
    static func marker(_ db: Database, postID: Int64, identity: CommenterIdentity?) throws -> CommentMarker? {
        guard
            let post = try Row.fetchOne(
                db, sql: "SELECT blog_id, author, author_user_id FROM post WHERE id = ?", arguments: [postID])
        else { return nil }
        let sent = try String.fetchAll(
            db,
            sql: """
                SELECT remote_comment_id FROM draft
                WHERE post_id = ? AND state = 'sent' AND remote_comment_id IS NOT NULL
                """, arguments: [postID])
        return CommentMarker(
            postAuthor: post["author"], postAuthorUserID: post["author_user_id"], identity: identity,
            sentCommentIDs: Set(sent), mutes: try muteRules(db, blogID: post["blog_id"], postID: postID))
    }

    static func muteRules(_ db: Database, blogID: Int64, postID: Int64) throws -> MuteRules {
        MuteRules(
            authors: Set(
                try String.fetchAll(db, sql: "SELECT name FROM muted_author WHERE blog_id = ?", arguments: [blogID])),
            subthreads: Set(
                try String.fetchAll(
                    db, sql: "SELECT comment_source_id FROM muted_subthread WHERE post_id = ?", arguments: [postID])))
    }
}
