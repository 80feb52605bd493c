import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    /// Every followed thread with comments the user has not seen, replies to them first, then
    /// the newest activity first (`Conversation.viewOrder`). Muted comments and the user's own
    /// do not count, and a thread with nothing else new is left out.
    ///
    /// Reads only the followed posts that have unseen comments (an index says which), and of
    /// those only the columns the marks need, never a comment's text.
    public func conversations(identity: CommenterIdentity?) throws -> [Conversation] {
        try writer.read { db in
            let posts = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, p.blog_id, b.title AS blog_title, p.title FROM post p
                    JOIN blog b ON b.id = p.blog_id
                    WHERE p.watch = 1 AND p.listed = 1 AND EXISTS (
                        SELECT 1 FROM comment c WHERE c.post_id = p.id AND c.status = 'approved' AND c.seen = 0)
                    """)
            var found: [Conversation] = []
            for post in posts {
                let postID: Int64 = post["id"]
                guard var comments = try Self.threadOutline(db, postID: postID),
                    let marker = try Self.marker(db, postID: postID, identity: identity)
                else { continue }
                marker.mark(&comments)
                // The user's own comments are no news to them.
                let news = comments.filter { $0.isNew && $0.marks.isDisjoint(with: [.muted, .mine]) }
                guard !news.isEmpty else { continue }
                let newest = news.max { ($0.published ?? .distantPast, $0.id) < ($1.published ?? .distantPast, $1.id) }
                found.append(
                    Conversation(
                        postID: postID, blogID: post["blog_id"], blogTitle: post["blog_title"], title: post["title"],
                        newComments: news.count, repliesToYou: news.filter { $0.marks.contains(.replyToMe) }.count,
                        lastCommentAt: newest?.published, lastCommenter: newest?.author ?? ""))
            }
            return found.sorted(by: Conversation.viewOrder)
        }
    }

    /// A followed post's approved comments without their text: enough for marks and counts.
    /// Every unseen one is new (a followed post's news count from the start, as in its thread).
    private static func threadOutline(_ db: Database, postID: Int64) throws -> [Comment]? {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, source_id, parent_source_id, author, author_email, published, author_user_id, seen
                FROM comment WHERE post_id = ? AND status = 'approved'
                """, arguments: [postID]
        ).map { row in
            Comment(
                id: row["id"], postID: postID, sourceID: row["source_id"], parentSourceID: row["parent_source_id"],
                author: row["author"], authorEmail: row["author_email"],
                published: Date(storedSeconds: row["published"]), isNew: !(row["seen"] as Bool),
                authorUserID: row["author_user_id"])
        }
    }
}
