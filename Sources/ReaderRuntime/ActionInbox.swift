import Foundation
import ReaderCore

/// Actions produced off the run loop (a background sync) waiting to be reduced.
public final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    public init() {}

    private var actions: [Action] = []

    public func post(_ action: Action) {
        lock.lock()
        actions.append(action)
        lock.unlock()
    }

    public func drain() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let drained = actions
        actions.removeAll()
        return drained
    }
}
