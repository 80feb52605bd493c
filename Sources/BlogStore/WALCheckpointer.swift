import Foundation
import GRDBSQLite

/// Copies the write-ahead log back into the database file on a connection and thread of
/// its own, while a bulk write (a sync) goes on committing.
///
/// A sync turns automatic checkpoints off (see `CheckpointDeferral`), so the log grew to the
/// size of everything written and its one checkpoint, at the end, waited for the disk to
/// flush all of it: a third of a first sync's time, with the processors idle. Copied here
/// after each merge, the flushing overlaps the parsing and writing of the blogs still to
/// come, and the writer, which SQLite lets append to the log meanwhile, never waits for it.
/// The log is restarted from its beginning once fully copied, so it stays small.
///
/// Passive checkpoints only: they never wait for or block a reader or the writer, and a
/// checkpoint cut short by a crash is finished by the next connection (SQLite's own recovery).
public final class WALCheckpointer: @unchecked Sendable {
    /// Nil for a cache in memory, which has no log: every call is then a no-op.
    private let path: String?
    private let queue = DispatchQueue(label: "lectern.store.checkpoint", qos: .utility)
    // Guards `scheduled`, `connection` and `closed`.
    private let lock = NSLock()
    /// True while a checkpoint is queued and not yet started: further requests join it.
    private var scheduled = false
    private var closed = false
    /// True once anything was requested: a bulk write that asked for nothing gets no last checkpoint.
    private var requested = false
    /// Opened on the first checkpoint: a sync that writes nothing never opens it.
    private var connection: OpaquePointer?

    init(path: String?) {
        self.path = path
    }

    deinit {
        if let connection { sqlite3_close_v2(connection) }
    }

    /// Asks for a checkpoint soon, without waiting for it; requests made while one is queued
    /// are served by that one.
    public func request() {
        lock.lock()
        defer { lock.unlock() }
        guard path != nil, !scheduled, !closed else { return }
        scheduled = true
        requested = true
        queue.async { [self] in
            lock.lock()
            scheduled = false
            lock.unlock()
            checkpoint()
        }
    }

    /// Runs a last checkpoint, once those requested are done, if any was; then closes the connection.
    func finish() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { [self] in
                lock.lock()
                let requested = self.requested
                lock.unlock()
                if requested { checkpoint() }
                lock.lock()
                closed = true
                let connection = self.connection
                self.connection = nil
                lock.unlock()
                if let connection { sqlite3_close_v2(connection) }
                continuation.resume()
            }
        }
    }

    /// A passive checkpoint; a failure (the file busy, gone, unreadable) is left for the next
    /// checkpoint, as SQLite leaves a failed automatic one.
    private func checkpoint() {
        lock.lock()
        let closed = self.closed
        lock.unlock()
        guard !closed, let connection = open() else { return }
        _ = sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }

    private func open() -> OpaquePointer? {
        if let connection { return connection }
        guard let path else { return nil }
        var handle: OpaquePointer?
        // No SQLITE_OPEN_CREATE: the store made the file; the checkpoint must not make one.
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
            let handle
        else {
            if let handle { sqlite3_close_v2(handle) }
            return nil
        }
        // The same durability as the store's connections: the database file is synced after
        // each checkpoint, the log before it.
        sqlite3_exec(handle, "PRAGMA synchronous = NORMAL", nil, nil, nil)
        connection = handle
        return handle
    }
}
