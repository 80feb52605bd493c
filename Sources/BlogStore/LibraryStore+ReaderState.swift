import Foundation
import GRDB

extension LibraryStore {
    /// Marks a post read (now) or unread.
    public func markPostRead(_ id: Int64, read: Bool = true) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE post SET read_at = CASE WHEN ? THEN coalesce(read_at, ?) END WHERE id = ?",
                arguments: [read, Date().storedSeconds, id])
        }
    }

    /// Records a visit: the post is read, and its comments so far are no longer new.
    public func markPostVisited(_ id: Int64) throws {
        let now = Date().storedSeconds
        try writer.write { db in
            try db.execute(
                sql: "UPDATE post SET visited_at = ?, read_at = coalesce(read_at, ?) WHERE id = ?",
                arguments: [now, now, id])
            try db.execute(sql: "UPDATE comment SET seen = 1 WHERE post_id = ? AND seen = 0", arguments: [id])
        }
    }

    public func setStarred(_ id: Int64, starred: Bool) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE post SET starred = ? WHERE id = ?", arguments: [starred, id])
        }
    }
}
