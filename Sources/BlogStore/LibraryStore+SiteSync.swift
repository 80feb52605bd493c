import BlogModel
import Foundation
import GRDB

/// What a sync of a whole WordPress site keeps between runs: how far its site-wide listings
/// have read, which cached post is which WordPress post, and which comments left the site.
extension LibraryStore {
    /// A named cursor of one blog's sync (e.g. the newest comment date a listing has read).
    public func syncState(blogID: Int64, name: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT value FROM blog_sync_state WHERE blog_id = ? AND name = ?",
                arguments: [blogID, name])
        }
    }

    public func setSyncState(blogID: Int64, name: String, value: String) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO blog_sync_state (blog_id, name, value) VALUES (?, ?, ?)
                    ON CONFLICT (blog_id, name) DO UPDATE SET value = excluded.value
                    """,
                arguments: [blogID, name, value])
        }
    }

    /// The cache id of each of the blog's posts by its WordPress post id.
    public func postIDsByRemoteID(blogID: Int64) throws -> [Int: Int64] {
        try writer.read { db in
            var found: [Int: Int64] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT remote_post_id, id FROM post WHERE blog_id = ? AND remote_post_id IS NOT NULL",
                arguments: [blogID])
            while let row = try rows.next() { found[row[0]] = row[1] }
            return found
        }
    }

    /// The cache id of each of the blog's posts by its source id (guid) and by its link.
    public func postIDsByGuidAndLink(blogID: Int64) throws -> [String: Int64] {
        try writer.read { db in
            var found: [String: Int64] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT source_id, link, id FROM post WHERE blog_id = ?", arguments: [blogID])
            while let row = try rows.next() {
                let id: Int64 = row[2]
                found[row[0]] = id
                let link: String = row[1]
                if !link.isEmpty, found[link] == nil { found[link] = id }
            }
            return found
        }
    }

    /// The blog's posts with approved comments of `kind` in the cache.
    public func postIDsWithApprovedComments(blogID: Int64, kind: Comment.Kind) throws -> [Int64] {
        try writer.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT c.post_id FROM comment c JOIN post p ON p.id = c.post_id
                    WHERE p.blog_id = ? AND c.status = 'approved' AND c.kind = ?
                    """,
                arguments: [blogID, kind.rawValue])
        }
    }

    /// Records that a post's comments were read in full while its source advertised `count`:
    /// until the count changes, a shortfall no public source can fill is not chased again.
    public func markCommentsRead(_ pairs: [(postID: Int64, count: Int)]) throws {
        guard !pairs.isEmpty else { return }
        try writer.write { db in
            let statement = try db.cachedStatement(sql: "UPDATE post SET comments_read_at_count = ? WHERE id = ?")
            for pair in pairs { try statement.execute(arguments: [pair.count, pair.postID]) }
        }
    }

    /// Hides the post's approved comments of `kinds` that a complete listing of them no longer
    /// holds (the site unapproved, spammed or deleted them); returns how many were hidden.
    /// They stay in the cache, as trash, so a draft replying to one keeps its parent.
    @discardableResult
    public func hideComments(
        postID: Int64, kinds: [Comment.Kind], missingFrom listed: Set<String>
    ) throws -> Int {
        try writer.write { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, source_id, kind FROM comment WHERE post_id = ? AND status = 'approved'
                    """,
                arguments: [postID])
            let kindNames = Set(kinds.map(\.rawValue))
            var hidden = 0
            for row in rows where kindNames.contains(row["kind"]) && !listed.contains(row["source_id"]) {
                try db.execute(sql: "UPDATE comment SET status = 'trash' WHERE id = ?", arguments: [row["id"] as Int64])
                hidden += 1
            }
            return hidden
        }
    }
}
