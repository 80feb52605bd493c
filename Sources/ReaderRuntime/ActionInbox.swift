import Foundation
import Glibc
import ReaderCore

/// Actions produced off the run loop (a background sync, a window of posts read ahead, the
/// write queue's status) waiting to be reduced.
///
/// Posting also makes `wakeDescriptor` readable, so a run loop asleep in `poll` wakes for
/// a background answer as it does for a key, instead of looking every few milliseconds.
public final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []
    /// The read end of a pipe that holds a byte while actions wait.
    public let wakeDescriptor: Int32
    private let wakeWriter: Int32
    /// Whether a byte is in the pipe already (one is enough); guarded by `lock`.
    private var wakePending = false

    public init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            // Non-blocking: a full pipe must never stall a poster, an empty one never the loop.
            for end in ends { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        }
        wakeDescriptor = ends[0]
        wakeWriter = ends[1]
    }

    deinit {
        if wakeDescriptor >= 0 { close(wakeDescriptor) }
        if wakeWriter >= 0 { close(wakeWriter) }
    }

    public func post(_ action: Action) {
        lock.lock()
        actions.append(action)
        let wake = !wakePending
        wakePending = true
        lock.unlock()
        if wake, wakeWriter >= 0 {
            var byte: UInt8 = 1
            _ = write(wakeWriter, &byte, 1)
        }
    }

    /// The actions posted so far, oldest first; the pipe is emptied with them, so one
    /// posted later wakes the loop again.
    public func drain() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        if wakePending, wakeDescriptor >= 0 {
            var bytes = [UInt8](repeating: 0, count: 16)
            while read(wakeDescriptor, &bytes, bytes.count) > 0 {}
        }
        wakePending = false
        let drained = actions
        actions.removeAll()
        return drained
    }
}
