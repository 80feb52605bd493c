import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    /// Every followed thread with comments the user has not seen, replies to them first, then
    /// the newest activity first (`Conversation.viewOrder`). Muted comments and the user's own
    /// do not count, and a thread with nothing else new is left out.
    ///
    /// A fixed handful of reads whatever the number of followed posts: the posts, the outline of
    /// their threads (never a comment's text), the sent comments and the mutes, each in one
    /// query; marks and counts are then worked out per thread by `CommentMarker`.
    public func conversations(identity: CommenterIdentity?) throws -> [Conversation] {
        try writer.read { db in
            let followed = "SELECT id FROM post WHERE watch = 1 AND listed = 1"
            var posts: [Int64: Row] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, p.blog_id, b.title AS blog_title, p.title, p.author, p.author_user_id
                    FROM post p JOIN blog b ON b.id = p.blog_id WHERE p.id IN (\(followed))
                    """)
            {
                posts[row["id"]] = row
            }
            guard !posts.isEmpty else { return [] }
            let threads = try Self.threadOutlines(db, of: followed)
            var sent: [Int64: Set<String>] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT post_id, remote_comment_id FROM draft
                    WHERE state = 'sent' AND remote_comment_id IS NOT NULL AND post_id IN (\(followed))
                    """)
            {
                sent[row[0], default: []].insert(row[1])
            }
            var mutedAuthors: [Int64: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT blog_id, name FROM muted_author") {
                mutedAuthors[row[0], default: []].insert(row[1])
            }
            var mutedSubthreads: [Int64: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT post_id, comment_source_id FROM muted_subthread") {
                mutedSubthreads[row[0], default: []].insert(row[1])
            }
            var found: [Conversation] = []
            for (postID, var comments) in threads {
                // Only threads with something unseen need their marks worked out.
                guard let post = posts[postID], comments.contains(where: \.isNew) else { continue }
                let marker = CommentMarker(
                    postAuthor: post["author"], postAuthorUserID: post["author_user_id"], identity: identity,
                    sentCommentIDs: sent[postID] ?? [],
                    mutes: MuteRules(
                        authors: mutedAuthors[post["blog_id"]] ?? [], subthreads: mutedSubthreads[postID] ?? []))
                marker.mark(&comments)
                let news = comments.filter { $0.isNew && !$0.marks.contains(.muted) }
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

    /// The approved comments of the posts `postQuery` selects, without their text: enough for
    /// marks and counts. On a followed post every unseen comment is new, as in its thread.
    private static func threadOutlines(_ db: Database, of postQuery: String) throws -> [Int64: [Comment]] {
        var threads: [Int64: [Comment]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, post_id, source_id, parent_source_id, author, author_email, published, author_user_id,
                    seen
                FROM comment WHERE post_id IN (\(postQuery)) AND status = 'approved'
                """)
        while let row = try rows.next() {
            let postID: Int64 = row[1]
            threads[postID, default: []].append(
                Comment(
                    id: row[0], postID: postID, sourceID: row[2], parentSourceID: row[3], author: row[4],
                    authorEmail: row[5], published: Date(storedSeconds: row[6]), isNew: !(row[8] as Bool),
                    authorUserID: row[7]))
        }
        return threads
    }
}
