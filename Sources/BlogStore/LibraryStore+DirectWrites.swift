import Foundation
import GRDB

extension LibraryStore {
    /// Switches the writer to a rollback journal for an import into a cache without posts,
    /// when no other connection has the cache open; true when it did (`endDirectWrites`
    /// switches back to WAL).
    ///
    /// In WAL mode a large import writes everything twice: into the write-ahead log, then,
    /// closing, into the file, with a flush of each and the log's deletion (2 s of the large
    /// export's 11). With a rollback journal the pages go straight into the file; the journal
    /// keeps only the pages the import changes of an empty cache (a few), and a kill leaves a
    /// journal that SQLite rolls back at the next open, as it does a log. Meanwhile another
    /// process cannot open the cache (it waits, as for any write lock, up to 15 s): only an
    /// empty cache, with nothing to read yet, is worth that.
    func beginDirectWrites() -> Bool {
        // Asked on the writer's connection: a reader's would be one more to close.
        let isEmpty = { (db: Database) in try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM post)") }
        guard let pool = writer as? DatabasePool, (try? pool.writeWithoutTransaction(isEmpty)) == true else {
            return false
        }
        // This process's idle readers would keep the cache in WAL mode.
        pool.releaseMemory()
        return
            (try? writer.writeWithoutTransaction { db -> Bool in
                // Leaving WAL needs every other connection gone: ask once, without waiting.
                let usual = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
                try db.execute(sql: "PRAGMA busy_timeout = 0")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = \(usual)") }
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete" else { return false }
                // The rollback journal's safe setting against power loss; its extra flushes are
                // of a journal that stays small.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                return true
            }) ?? false
    }

    /// Back to WAL, as GRDB opens a pool: NORMAL sync and a log with a frame in it (read-only
    /// connections cannot open a WAL cache whose log is missing).
    func endDirectWrites() {
        try? writer.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.inTransaction {
                try db.execute(
                    sql: "CREATE TABLE lectern_wal_start (id INTEGER PRIMARY KEY); DROP TABLE lectern_wal_start")
                return .commit
            }
        }
    }
}
