import BlogStore
import Foundation
import ReaderCore

/// The reader's writes beyond read marks (marking a blog read, its undo, removing a blog,
/// saving, queueing or deleting a draft), made one after another on a queue of their own.
///
/// An import or a sync in another process may hold the cache's write lock for minutes, and
/// the cache's usual patience is 15 s: made on the input thread, such a write froze the
/// reader, then failed. Here each attempt waits at most `attemptWait` for the lock and throws
/// `ReaderWriteLockHeld`; the write is tried again every `retryDelay` until it goes through,
/// while `waits` puts "waiting" on the status line and keys keep working. Its answer reaches
/// `reduce` through the inbox. Reads stay on the input thread: in WAL mode they never wait.
final class BackgroundWrites: @unchecked Sendable {
    /// One write: `attempt` makes it, waiting at most the seconds it is given for the lock.
    struct Job: Sendable {
        /// What was not done if the reader quits first, for the terminal ("marking … read").
        var notDone: String
        /// Names what the write changes ("draft 4"), for `isPending(_:)`.
        var subject: String?
        /// Writes and returns the answer; throws `ReaderWriteLockHeld` to be tried again.
        var attempt: @Sendable (TimeInterval) throws -> [Action]
        /// The answer to any other failure, which is not tried again.
        var failed: @Sendable (Error) -> [Action] = { [.message("\($0)", isError: true)] }
        /// Runs once the job is over, done or not (lets go of what it held).
        var cleanUp: @Sendable () -> Void = {}
    }

    private let inbox: ActionInbox
    private let waits: WaitingWriters
    private let attemptWait: TimeInterval
    private let retryDelay: TimeInterval
    private let queue = DispatchQueue(label: "lectern.background-writes")

    // `condition` guards every property below.
    private let condition = NSCondition()
    private var nextID = 0
    /// Jobs submitted and not over, by id (ids grow in submission order).
    private var unfinished: [Int: Job] = [:]
    /// Jobs over without their write: the reader is quitting.
    private var abandoned: [Int: Job] = [:]
    private var hurrying = false
    private var stopping = false

    init(inbox: ActionInbox, waits: WaitingWriters, attemptWait: TimeInterval = 0.1, retryDelay: TimeInterval = 0.25) {
        self.inbox = inbox
        self.waits = waits
        self.attemptWait = attemptWait
        self.retryDelay = retryDelay
    }

    /// Queues `job` behind the others and returns at once.
    func submit(_ job: Job) {
        condition.lock()
        let id = nextID
        nextID += 1
        unfinished[id] = job
        condition.unlock()
        queue.async { [self] in run(id, job) }
    }

    /// True while a job about `subject` is queued or waiting.
    func isPending(_ subject: String) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return unfinished.values.contains { $0.subject == subject }
    }

    /// Waits up to `timeout` seconds for every job asked for so far to be over; true when they are.
    func waitUntilDone(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while !unfinished.isEmpty, Date() < deadline { _ = condition.wait(until: deadline) }
        return unfinished.isEmpty
    }

    /// Waits up to `timeout` seconds for every job to be done, trying the lock without pause
    /// meanwhile, then stops: the jobs left give up. Returns what they would have done, in
    /// the order they were asked for, for the terminal.
    func finish(waitingAtMost timeout: TimeInterval) -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        hurrying = true
        condition.broadcast()
        while !unfinished.isEmpty, Date() < deadline { _ = condition.wait(until: deadline) }
        stopping = true
        condition.broadcast()
        // The jobs left end at once, but for one in the middle of an attempt: its lock wait
        // is bounded; its write (a blog's removal) may take a moment, and may yet succeed.
        let settle = Date().addingTimeInterval(max(2, attemptWait * 20))
        while !unfinished.isEmpty, Date() < settle { _ = condition.wait(until: settle) }
        let left = abandoned.merging(unfinished) { first, _ in first }
        return left.keys.sorted().compactMap { left[$0]?.notDone }
    }

    private func run(_ id: Int, _ job: Job) {
        var waiting = false
        // Lets go of what the job held before it counts as over, so whoever sees it over
        // (the reader quitting) finds the read marks it held back free to go.
        func end(gaveUp: Bool) {
            if waiting { waits.set(.changes, waiting: false) }
            job.cleanUp()
            condition.lock()
            unfinished[id] = nil
            if gaveUp { abandoned[id] = job }
            condition.broadcast()
            condition.unlock()
        }
        while true {
            condition.lock()
            let gaveUp = stopping
            condition.unlock()
            if gaveUp { return end(gaveUp: true) }
            let answer: [Action]
            do {
                answer = try job.attempt(attemptWait)
            } catch is ReaderWriteLockHeld {
                if !waiting {
                    waiting = true
                    waits.set(.changes, waiting: true)
                }
                condition.lock()
                // While the reader quits, the lock attempt itself paces the retries.
                let until = Date().addingTimeInterval(hurrying ? 0 : retryDelay)
                while !stopping, !hurrying, Date() < until { _ = condition.wait(until: until) }
                condition.unlock()
                continue
            } catch {
                answer = job.failed(error)
            }
            // Answered before it counts as over, so whoever sees it over finds the answer.
            for action in answer { inbox.post(action) }
            return end(gaveUp: false)
        }
    }
}
