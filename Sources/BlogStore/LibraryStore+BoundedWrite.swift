import Foundation
import GRDB

extension LibraryStore {
    /// Runs `body` in one write transaction. With `wait`, waits at most that many seconds for
    /// the write lock and throws `ReaderWriteLockHeld` when another connection still holds it;
    /// without, waits as every write does (the connection's 15 s).
    ///
    /// The reader must never hang on a lock an import or a sync in another process may hold
    /// for minutes: its writes make these short attempts on a thread of their own and retry.
    func write<T>(waitingAtMost wait: TimeInterval?, _ body: (Database) throws -> T) throws -> T {
        guard let wait else { return try writer.write(body) }
        do {
            return try writer.writeWithoutTransaction { db in
                // The connection's usual patience (15 s) suits `lectern sync`, not a reader.
                let usual = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
                try db.execute(sql: "PRAGMA busy_timeout = \(max(0, Int(wait * 1000)))")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = \(usual)") }
                var result: T?
                // IMMEDIATE takes the lock first: a deferred transaction that read before
                // writing could fail at its first write without waiting at all.
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw ReaderWriteLockHeld() }
                return result
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
        {
            throw ReaderWriteLockHeld()
        }
    }
}
