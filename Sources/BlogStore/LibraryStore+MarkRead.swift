import Foundation
import GRDB

/// Marking many posts read at once (a blog, the list in view) and taking it back.
///
/// Only unread posts change, and the ids of exactly those are returned: setting them unread
/// again restores the read state as it was, while posts read before keep their own read time.
extension LibraryStore {
    /// Marks read (now) the unread posts among the newest `limit` listed posts `filter` keeps
    /// (all of them when `limit` is nil); returns the ids it changed, for `markUnread(_:)`.
    /// With `wait`, a bounded attempt (see `write(waitingAtMost:_:)`).
    @discardableResult
    public func markRead(_ filter: PostFilter, limit: Int? = nil, waitingAtMost wait: TimeInterval? = nil) throws
        -> [Int64]
    {
        try write(waitingAtMost: wait) { db in
            let (conditions, arguments) = try filter.whereClause(db)
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM (
                        SELECT p.id, p.read_at FROM post p WHERE \(conditions)
                        ORDER BY p.sort_date DESC, p.id DESC LIMIT ?)
                    WHERE read_at IS NULL
                    """, arguments: arguments + [limit ?? -1])
            guard !ids.isEmpty else { return [] }
            try db.execute(
                sql: "UPDATE post SET read_at = ? WHERE id IN (SELECT value FROM json_each(?))",
                arguments: [Date().storedSeconds, try Self.jsonList(ids)])
            return ids
        }
    }

    /// Sets the posts `ids` unread: the undo of `markRead`, given the ids it returned.
    public func markUnread(_ ids: [Int64], waitingAtMost wait: TimeInterval? = nil) throws {
        guard !ids.isEmpty else { return }
        try write(waitingAtMost: wait) { db in
            try db.execute(
                sql: "UPDATE post SET read_at = NULL WHERE id IN (SELECT value FROM json_each(?))",
                arguments: [try Self.jsonList(ids)])
        }
    }

    /// Ids bound as one JSON array: one statement for any number of posts.
    private static func jsonList(_ ids: [Int64]) throws -> String {
        String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
    }
}
