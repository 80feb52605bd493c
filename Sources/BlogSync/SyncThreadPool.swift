import Foundation

/// A pool of threads for a sync's CPU work of one kind (parsing, or writing to the cache).
///
/// Swift's cooperative pool has one thread per core, and a cache write blocks its thread
/// (SQLite takes one writer at a time, and a merge of a blog's comments holds it for a
/// while). So the writer gets a thread of its own, and parsing as many threads as there are
/// cores, run at a lower priority: parsing uses every core the writer leaves idle, and the
/// writer, which every blog waits for in turn, is never crowded off its core. Tasks waiting
/// for a pool suspend; fetching goes on meanwhile.
final class SyncThreadPool: @unchecked Sendable {
    // Guards `jobs` and `closed`.
    private let condition = NSCondition()
    private var jobs: [(@Sendable () -> Void)?] = []
    private var head = 0
    private var closed = false

    /// `niceness` is added to the threads' scheduling priority (higher runs less).
    init(name: String, width: Int, niceness: Int32 = 0) {
        for index in 0..<max(1, width) {
            let thread = Thread { [self] in
                if niceness != 0 { setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) }
                run()
            }
            thread.name = "lectern.sync.\(name).\(index)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The writer: one write at a time, in the order they were asked for.
    static func writer() -> SyncThreadPool { SyncThreadPool(name: "writer", width: 1) }

    /// Parsing: every core, behind the writer (and behind the reader's own thread when the
    /// reader syncs in the background).
    static func parsing() -> SyncThreadPool {
        // A sync has at most a few dozen feeds in hand at once; more threads than that buy nothing.
        let width = min(ProcessInfo.processInfo.activeProcessorCount, 8)
        return SyncThreadPool(name: "parsing", width: width, niceness: 10)
    }

    /// Lets the threads end once the queued work is done.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Runs `work` once a thread of the pool is free, and returns its result.
    func perform<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            enqueue { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Queues `work` without waiting for it (it runs after the work queued before it).
    func submit(_ work: @escaping @Sendable () -> Void) {
        enqueue(work)
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while let job = next() { job() }
    }

    private func next() -> (@Sendable () -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while head == jobs.count {
            if closed { return nil }
            condition.wait()
        }
        // A job holds what it works on (a feed's whole body): let go of it once taken.
        let job = jobs[head].take()
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024 {
            jobs.removeFirst(head)
            head = 0
        }
        return job
    }
}
