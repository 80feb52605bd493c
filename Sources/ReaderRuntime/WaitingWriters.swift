import Foundation
import ReaderCore

/// Which of the reader's writers wait for another process's write lock, told to the status
/// line as one fact: it says "waiting" while any of them waits, so one going through does
/// not clear the news that another still waits.
final class WaitingWriters: @unchecked Sendable {
    enum Writer: Hashable {
        /// The read marks and visits (`ReaderWriteQueue`).
        case readMarks
        /// Bulk and draft changes (`BackgroundWrites`).
        case changes
    }

    private let inbox: ActionInbox
    // Guards `waiting`; held while posting, so the inbox hears the changes in order.
    private let lock = NSLock()
    private var waiting: Set<Writer> = []

    init(inbox: ActionInbox) { self.inbox = inbox }

    func set(_ writer: Writer, waiting isWaiting: Bool) {
        lock.lock()
        defer { lock.unlock() }
        let before = !waiting.isEmpty
        if isWaiting { waiting.insert(writer) } else { waiting.remove(writer) }
        if before != !waiting.isEmpty { inbox.post(.writesWaiting(!waiting.isEmpty)) }
    }
}
