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
    ///
    /// The reader records its visits with `ReaderWrite.visited` instead, which leaves read
    /// state alone (a post marked unread stays unread when the user leaves it).
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

    /// Writes the reader's `writes` in one transaction, waiting at most `wait` seconds for
    /// the write lock; throws `ReaderWriteLockHeld` when another connection still holds it.
    ///
    /// This bounded attempt is what `ReaderWriteQueue` retries in the background.
    public func applyReaderWrites(_ writes: [ReaderWrite], waitingAtMost wait: TimeInterval) throws {
        guard !writes.isEmpty else { return }
        try write(waitingAtMost: wait) { db in
            for write in writes { try Self.apply(write, db) }
        }
    }

    private static func apply(_ write: ReaderWrite, _ db: Database) throws {
        switch write {
        case .read(let postID, let read, let at):
            try db.execute(
                sql: "UPDATE post SET read_at = CASE WHEN ? THEN coalesce(read_at, ?) END WHERE id = ?",
                arguments: [read, at.storedSeconds, postID])
        case .visited(let postID, let at, let seenThrough):
            try db.execute(sql: "UPDATE post SET visited_at = ? WHERE id = ?", arguments: [at.storedSeconds, postID])
            // Comments stored after the visit (a sync that committed while this write
            // waited) have higher ids: they stay new.
            try db.execute(
                sql: "UPDATE comment SET seen = 1 WHERE post_id = ? AND seen = 0 AND (? IS NULL OR id <= ?)",
                arguments: [postID, seenThrough, seenThrough])
        case .starred(let postID, let starred):
            try db.execute(sql: "UPDATE post SET starred = ? WHERE id = ?", arguments: [starred, postID])
        case .watched(let postID, let watched):
            try db.execute(sql: "UPDATE post SET watch = ? WHERE id = ?", arguments: [watched ? 1 : 0, postID])
        case .position(let position):
            try saveThreadPosition(db, position)
        }
    }
}
