import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    /// Mutes (or unmutes) a commenter on a blog or a subthread. Returns false when there was
    /// nothing to change (already muted, or not muted). Kept by name and source id: a sync or a
    /// re-import that rewrites the comments keeps the mute.
    @discardableResult
    public func setMute(_ mute: Mute, muted: Bool, waitingAtMost wait: TimeInterval? = nil) throws -> Bool {
        try write(waitingAtMost: wait) { db in
            let now = Date().storedSeconds
            switch (mute, muted) {
            case (.author(let blogID, let name), true):
                try db.execute(
                    sql: "INSERT OR IGNORE INTO muted_author (blog_id, name, created) VALUES (?, ?, ?)",
                    arguments: [blogID, name, now])
            case (.author(let blogID, let name), false):
                try db.execute(
                    sql: "DELETE FROM muted_author WHERE blog_id = ? AND name = ?", arguments: [blogID, name])
            case (.subthread(let postID, let sourceID), true):
                try db.execute(
                    sql: "INSERT OR IGNORE INTO muted_subthread (post_id, comment_source_id, created) VALUES (?, ?, ?)",
                    arguments: [postID, sourceID, now])
            case (.subthread(let postID, let sourceID), false):
                try db.execute(
                    sql: "DELETE FROM muted_subthread WHERE post_id = ? AND comment_source_id = ?",
                    arguments: [postID, sourceID])
            }
            return db.changesCount > 0
        }
    }

    /// The subthread mutes a comment id names, as `lectern show --json` prints it (the blog's own
    /// comment id): one per post holding such a comment, within `postID` when given.
    public func subthreadMutes(commentID: String, postID: Int64? = nil) throws -> [Mute] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT c.post_id FROM comment c JOIN post p ON p.id = c.post_id
                    WHERE c.source_id = ?1 AND p.listed = 1 AND (?2 IS NULL OR c.post_id = ?2)
                    ORDER BY c.post_id
                    """, arguments: [commentID, postID]
            ).map { .subthread(postID: $0["post_id"], commentSourceID: commentID) }
        }
    }

    /// Every mute, commenters first (by blog, then name), then subthreads.
    public func mutes() throws -> [Mute] {
        try writer.read { db in
            let authors = try Row.fetchAll(db, sql: "SELECT blog_id, name FROM muted_author ORDER BY blog_id, name")
                .map { Mute.author(blogID: $0["blog_id"], name: $0["name"]) }
            let subthreads = try Row.fetchAll(
                db, sql: "SELECT post_id, comment_source_id FROM muted_subthread ORDER BY post_id, comment_source_id"
            ).map { Mute.subthread(postID: $0["post_id"], commentSourceID: $0["comment_source_id"]) }
            return authors + subthreads
        }
    }
}
