import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    /// Follows (or stops following) the posts' comments. Stopping is remembered: the user's
    /// own comments on the post do not make it followed again.
    public func setWatched(_ postIDs: [Int64], watched: Bool, waitingAtMost wait: TimeInterval? = nil) throws {
        guard !postIDs.isEmpty else { return }
        try write(waitingAtMost: wait) { db in
            for id in postIDs {
                try db.execute(sql: "UPDATE post SET watch = ? WHERE id = ?", arguments: [watched ? 1 : 0, id])
            }
        }
    }

    /// The posts the user follows, of one blog or of all, newest first.
    public func watchedPostIDs(blogID: Int64? = nil) throws -> [Int64] {
        try writer.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM post WHERE watch = 1 AND (?1 IS NULL OR blog_id = ?1)
                    ORDER BY sort_date DESC, id DESC
                    """, arguments: [blogID])
        }
    }

    /// Follows every post with a comment the user wrote (found under their name and e-mail)
    /// among the comments stored since the last call, unless they stopped following it.
    /// Returns how many posts became followed.
    ///
    /// Each call looks only at comments added since the last (per identity), so a sync pays
    /// for what it brought, not for the whole cache.
    @discardableResult
    public func followThreadsCommented(by identity: CommenterIdentity) throws -> Int {
        let name = identity.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return 0 }
        let key = "claimed_through:" + name.lowercased() + "\u{1F}" + identity.email.lowercased()
        return try writer.write { db in
            let through =
                try String.fetchOne(db, sql: "SELECT value FROM reader_state WHERE name = ?", arguments: [key])
                .flatMap { Int64($0) } ?? 0
            let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM comment") ?? 0
            guard last > through else { return 0 }
            // SQLite's lower() folds ASCII only: the marker settles each candidate exactly.
            let candidates = try Comment.fetchAll(
                db,
                sql: """
                    SELECT \(Comment.columns) FROM comment
                    WHERE comment.id > ? AND (lower(trim(author)) = lower(?2) OR trim(author) = ?2)
                    """, arguments: [through, name])
            let marker = CommentMarker(postAuthor: "", identity: identity)
            let posts = Set(candidates.filter(marker.isMine).map(\.postID))
            var followed = 0
            for post in posts {
                try db.execute(sql: "UPDATE post SET watch = 1 WHERE id = ? AND watch IS NULL", arguments: [post])
                followed += db.changesCount
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO reader_state (name, value) VALUES (?, ?)", arguments: [key, String(last)])
            return followed
        }
    }
}
