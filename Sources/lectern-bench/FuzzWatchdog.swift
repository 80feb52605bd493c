import Foundation

/// Ends the fuzzing run when one read takes longer than `limit` seconds, saving the input.
///
/// The read cannot be interrupted from outside, so the watchdog thread copies the input and
/// exits the process itself: a hang is a finding, and CI must not wait on it.
final class FuzzWatchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var startedAt: Date?
    private var running = true

    init(limit: TimeInterval, input: URL, target: String, out: String) {
        let thread = Thread { [weak self] in
            while let self, self.isRunning {
                Thread.sleep(forTimeInterval: 0.25)
                guard let started = self.readStart, Date().timeIntervalSince(started) > limit else { continue }
                let saved = URL(fileURLWithPath: out).appendingPathComponent("hang-\(target).input")
                try? FileManager.default.removeItem(at: saved)
                try? FileManager.default.copyItem(at: input, to: saved)
                FileHandle.standardError.write(
                    Data(
                        "fuzz \(target): one read took over \(Int(limit)) s; input saved as \(saved.path)\n".utf8))
                exit(3)
            }
        }
        thread.start()
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private var readStart: Date? {
        lock.lock()
        defer { lock.unlock() }
        return startedAt
    }

    func started() {
        lock.lock()
        startedAt = Date()
        lock.unlock()
    }

    func finished() {
        lock.lock()
        startedAt = nil
        lock.unlock()
    }

    func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }
}
