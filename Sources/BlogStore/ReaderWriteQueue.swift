import Foundation

/// The reader's own writes (read marks, visits, stars), written by a thread of their own so
/// that a key press never waits for the cache's write lock.
///
/// An import or a sync in another process may hold that lock for minutes. Each attempt here
/// waits at most `attemptWait` for it; then the queue tries again after `retryDelay`, for as
/// long as it takes. Meanwhile the writes stay in memory (`pendingWrites`, which the reader
/// shows in place of the cache's older state) and `onStatusChange` hears that the queue is
/// waiting.
///
/// Every write is in the journal before `enqueue` returns and leaves it once it is in the
/// cache, so a reader killed meanwhile loses nothing: the next queue on the cache writes the
/// journal's writes first. `finish` writes what is left before the reader exits, waiting a
/// bounded time.
///
/// A change made elsewhere in bulk (marking a blog read) goes between the writes made before
/// it and those made after: `holdLaterWrites` keeps the later ones back until it is done.
///
/// Call `finish` when done: the thread runs until then.
public final class ReaderWriteQueue: @unchecked Sendable {
    /// What the queue is doing; reported to `onStatusChange` when it changes.
    public enum Status: Equatable, Sendable {
        /// Nothing waits, or writes are going through.
        case writing
        /// Another connection holds the write lock; writes wait in memory.
        case waitingForLock
        /// Writes fail for another reason (a read-only file, a full disk); retried all the same.
        case failing(String)
    }

    /// What became of the writes when the queue finished.
    public enum Outcome: Equatable, Sendable {
        /// Everything is in the cache.
        case written
        /// `count` writes are kept in the journal at `journal` for the next reader.
        case kept(count: Int, journal: URL)
        /// `count` writes could be neither written nor kept.
        case lost(count: Int, reason: String)
    }

    /// A place in the queue that writes enqueued after it wait behind, until `release`.
    public struct Hold: Hashable, Sendable {
        let id: Int
        /// Writes numbered below this go before the hold.
        let sequence: Int
    }

    /// A write waiting for the cache, numbered in the order it was enqueued.
    private struct Queued {
        var sequence: Int
        var write: ReaderWrite
        /// False when the journal could not take it: `finish` tries again.
        var journaled: Bool
    }

    private let store: LibraryStore
    private let journal: ReaderWriteJournal?
    private let attemptWait: TimeInterval
    private let retryDelay: TimeInterval
    private let onStatusChange: @Sendable (Status) -> Void

    // `condition` guards every property below.
    private let condition = NSCondition()
    private var pending: [Queued] = []
    private var nextSequence = 0
    private var holds: Set<Hold> = []
    private var nextHoldID = 0
    private var status = Status.writing
    private var attempting = false
    /// Callers in `waitUntilWritten`: while any waits, retry at once instead of after `retryDelay`.
    private var waiters = 0
    private var hurrying: Bool { waiters > 0 }
    private var stopped = false

    /// Starts the writing thread; writes left in `journal` by readers that are gone go first.
    ///
    /// `onStatusChange` is called on the queue's thread and must not call back into the queue.
    public init(
        store: LibraryStore, journal: ReaderWriteJournal?, attemptWait: TimeInterval = 0.1,
        retryDelay: TimeInterval = 0.25, onStatusChange: @escaping @Sendable (Status) -> Void = { _ in }
    ) {
        self.store = store
        self.journal = journal
        self.attemptWait = attemptWait
        self.retryDelay = retryDelay
        self.onStatusChange = onStatusChange
        for write in journal?.adoptOrphans() ?? [] { append(write, journaled: true) }
        let thread = Thread { [self] in run() }
        thread.name = "lectern reader writes"
        thread.start()
    }

    /// Queues `write` and returns at once; it replaces an unwritten write to the same slot
    /// made since the last hold.
    ///
    /// The write is in the journal when this returns: one line appended to a file, under a
    /// lock another reader holds only for milliseconds.
    public func enqueue(_ write: ReaderWrite) {
        let journaled = journal.map { (try? $0.record([write])) != nil } ?? false
        condition.lock()
        defer { condition.unlock() }
        // Too late for this reader (it is exiting): the journal keeps it for the next one.
        guard !stopped else { return }
        append(write, journaled: journaled)
        condition.broadcast()
    }

    /// The writes not yet in the cache, oldest first.
    public var pendingWrites: [ReaderWrite] {
        condition.lock()
        defer { condition.unlock() }
        return pending.map(\.write)
    }

    public var currentStatus: Status {
        condition.lock()
        defer { condition.unlock() }
        return status
    }

    /// Keeps writes enqueued from now on out of the cache until `release(_:)`; the caller
    /// writes something of its own between them (see `waitUntilWritten(before:timeout:)`).
    public func holdLaterWrites() -> Hold {
        condition.lock()
        defer { condition.unlock() }
        let hold = Hold(id: nextHoldID, sequence: nextSequence)
        nextHoldID += 1
        holds.insert(hold)
        return hold
    }

    /// Lets the writes behind `hold` go.
    public func release(_ hold: Hold) {
        condition.lock()
        holds.remove(hold)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits up to `timeout` seconds for every write enqueued before `hold` to be in the
    /// cache, retrying at once meanwhile; true when they are.
    public func waitUntilWritten(before hold: Hold, timeout: TimeInterval) -> Bool {
        waitUntil(timeout: timeout) { !$0.contains { $0.sequence < hold.sequence } }
    }

    /// Waits up to `timeout` seconds for every queued write to be in the cache, retrying at
    /// once meanwhile; true when they are.
    @discardableResult
    public func waitUntilWritten(timeout: TimeInterval) -> Bool {
        waitUntil(timeout: timeout) { $0.isEmpty }
    }

    /// Writes what is left, waiting at most `timeout` seconds for the lock, then stops the
    /// thread; what is still unwritten stays in the journal.
    public func finish(waitingAtMost timeout: TimeInterval) -> Outcome {
        waitUntilWritten(timeout: timeout)
        condition.lock()
        stopped = true
        condition.broadcast()
        // An attempt under way may yet succeed; it gives up within `attemptWait`.
        let settle = Date().addingTimeInterval(attemptWait * 5)
        while attempting, Date() < settle { _ = condition.wait(until: settle) }
        let left = pending
        pending.removeAll()
        condition.unlock()
        guard !left.isEmpty else { return .written }
        guard let journal else { return .lost(count: left.count, reason: "the cache is in memory") }
        do {
            // The rest are in the journal since they were enqueued; this is its last chance.
            try journal.record(left.filter { !$0.journaled }.map(\.write))
            return .kept(count: left.count, journal: journal.url)
        } catch {
            return .lost(count: left.count, reason: "\(journal.url.path): \(error)")
        }
    }

    /// Call holding `condition`.
    private func append(_ write: ReaderWrite, journaled: Bool) {
        // Behind a hold, a write may not stand in for one made before it.
        let segment = holds.map(\.sequence).max() ?? 0
        pending.removeAll { $0.write.slot == write.slot && $0.sequence >= segment }
        pending.append(Queued(sequence: nextSequence, write: write, journaled: journaled))
        nextSequence += 1
    }

    /// The writes no hold keeps back. Call holding `condition`.
    private var writable: [Queued] {
        guard let limit = holds.map(\.sequence).min() else { return pending }
        return pending.filter { $0.sequence < limit }
    }

    private func waitUntil(timeout: TimeInterval, _ done: ([Queued]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer {
            waiters -= 1
            condition.unlock()
        }
        waiters += 1
        condition.broadcast()
        while !done(pending) || attempting, !stopped, Date() < deadline {
            _ = condition.wait(until: deadline)
        }
        return done(pending)
    }

    private func run() {
        condition.lock()
        defer { condition.unlock() }
        while true {
            while writable.isEmpty, !stopped { condition.wait() }
            if stopped { return }
            let batch = writable
            attempting = true
            condition.unlock()
            let outcome = attempt(batch.map(\.write))
            // Out of the journal only once in the cache; a newer write to a slot stays.
            if outcome == .writing { journal?.forget(batch.map(\.write)) }
            condition.lock()
            attempting = false
            if outcome == .writing {
                let written = Set(batch.map(\.sequence))
                pending.removeAll { written.contains($0.sequence) }
            }
            if outcome != status {
                status = outcome
                onStatusChange(outcome)
            }
            condition.broadcast()
            guard outcome != .writing else { continue }
            // The lock attempt itself paces retries while hurrying; other failures get a pause.
            let wasHurrying = hurrying
            let delay = wasHurrying ? (outcome == .waitingForLock ? 0 : attemptWait) : retryDelay
            let until = Date().addingTimeInterval(delay)
            while !stopped, Date() < until, hurrying == wasHurrying { _ = condition.wait(until: until) }
        }
    }

    private func attempt(_ writes: [ReaderWrite]) -> Status {
        do {
            try store.applyReaderWrites(writes, waitingAtMost: attemptWait)
            return .writing
        } catch is ReaderWriteLockHeld {
            return .waitingForLock
        } catch {
            return .failing("\(error)")
        }
    }
}
