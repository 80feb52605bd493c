import Foundation
import GRDB

/// Counts the bulk writes under way (imports, syncs) during which the write-ahead log is not
/// copied back into the database file after every commit.
///
/// A sync commits a merge per blog and many small writes (validators, sync times) in
/// between; with SQLite's automatic checkpoint each of those copied the whole log, grown by
/// every blog before, back into the file: hundreds of megabytes of copying for a first sync
/// of fifty blogs. Deferred, the next write after the last bulk write (the search index
/// catching up) copies it once.
final class CheckpointDeferral: @unchecked Sendable {
    /// SQLite's default: a commit that leaves this many pages in the log copies them back.
    static let autocheckpointPages = 1000

    // Guards `depth`.
    private let lock = NSLock()
    private var depth = 0

    /// Turns automatic checkpoints off on the writer's connection until a matching `end`.
    func begin(_ writer: any DatabaseWriter) throws {
        lock.lock()
        depth += 1
        lock.unlock()
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
    }

    /// Turns them back on once no bulk write is left.
    func end(_ writer: any DatabaseWriter) {
        lock.lock()
        depth -= 1
        let last = depth == 0
        lock.unlock()
        guard last else { return }
        try? writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.autocheckpointPages)")
        }
    }
}
