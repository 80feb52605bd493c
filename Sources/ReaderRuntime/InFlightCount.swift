import Foundation

/// How many background loads are under way; the run loop polls for their answers more
/// often while any is.
final class InFlightCount: @unchecked Sendable {
    // Guards `count`.
    private let lock = NSLock()
    private var count = 0

    func add(_ delta: Int) {
        lock.lock()
        count += delta
        lock.unlock()
    }

    var isZero: Bool {
        lock.lock()
        defer { lock.unlock() }
        return count == 0
    }
}
