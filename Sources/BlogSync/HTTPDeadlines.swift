import Foundation

/// Ends transfers that pass their total timeout, with one timer for all of them, and lets
/// them look at their task on every tick meanwhile.
///
/// A timer per request cost the dispatch manager thread a tenth of a sync of ten thousand
/// comment feeds: each stayed queued for the whole timeout (30 s) after its request had
/// long finished. Here finished transfers leave the watch at once, and a single timer ticks
/// only while some transfer is running.
final class HTTPDeadlines: @unchecked Sendable {
    /// How often deadlines are checked: a timeout fires at most this late.
    static let tick: TimeInterval = 0.05

    private struct Entry {
        var deadline: DispatchTime
        var expire: @Sendable () -> Void
        var poll: (@Sendable () -> Void)?
    }

    // Guards `entries`, `nextKey` and `timer`: transfers start and end on any thread.
    private let lock = NSLock()
    private let queue = DispatchQueue(label: "lectern.http.deadlines")
    private var entries: [Int: Entry] = [:]
    private var nextKey = 0
    private var timer: DispatchSourceTimer?

    deinit { timer?.cancel() }

    /// Calls `expire` once `seconds` have passed, unless `cancel` is called with the returned
    /// key first; calls `poll` on every tick until then.
    func watch(
        seconds: TimeInterval, expire: @escaping @Sendable () -> Void, poll: (@Sendable () -> Void)? = nil
    ) -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextKey += 1
        entries[nextKey] = Entry(deadline: .now() + seconds, expire: expire, poll: poll)
        if timer == nil {
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + Self.tick, repeating: Self.tick, leeway: .milliseconds(10))
            timer.setEventHandler { [weak self] in self?.expirePassed() }
            timer.resume()
            self.timer = timer
        }
        return nextKey
    }

    func cancel(_ key: Int) {
        lock.lock()
        entries[key] = nil
        lock.unlock()
    }

    private func expirePassed() {
        let now = DispatchTime.now()
        lock.lock()
        let passed = entries.filter { $0.value.deadline <= now }
        for key in passed.keys { entries[key] = nil }
        if entries.isEmpty {
            timer?.cancel()
            timer = nil
        }
        let polls = entries.values.compactMap(\.poll)
        lock.unlock()
        for entry in passed.values { entry.expire() }
        for poll in polls { poll() }
    }
}
