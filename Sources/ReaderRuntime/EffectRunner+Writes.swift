import BlogModel
import BlogStore
import Foundation
import ReaderCore

extension EffectRunner {
    /// The queue for this cache: what an earlier reader could not write goes first, and its
    /// waits and failures reach the status line through `inbox`.
    static func makeWriteQueue(store: LibraryStore, inbox: ActionInbox) -> ReaderWriteQueue {
        ReaderWriteQueue(store: store, journal: store.databasePath.map(ReaderWriteJournal.init(databasePath:))) { status in
            switch status {
            case .writing:
                inbox.post(.writesWaiting(false))
            case .waitingForLock:
                inbox.post(.writesWaiting(true))
            case .failing(let reason):
                inbox.post(.writesWaiting(false))
                inbox.post(.message("cannot save read marks yet (\(reason)); Lectern keeps trying", isError: true))
            }
        }
    }

    /// Queues the user's read or unread mark; it reaches the cache in the background.
    func queueRead(_ postID: Int64, read: Bool) {
        writes.enqueue(.read(postID: postID, read: read, at: Date()))
    }

    /// Queues a visit of `postID`: the comments the reader had loaded are no longer new.
    func queueVisit(_ postID: Int64, state: AppState) {
        // Only what the user could have seen: comments a sync stores later stay new.
        let seenThrough = state.thread.postID == postID ? state.thread.thread.comments.map(\.id).max() : nil
        writes.enqueue(.visited(postID: postID, at: Date(), seenThrough: seenThrough))
    }

    /// Writes what is still queued before the reader exits, waiting at most `timeout` seconds
    /// for another process's write lock; a line for the terminal when some could not be written.
    public func closeWrites(waitingAtMost timeout: TimeInterval) -> String? {
        switch writes.finish(waitingAtMost: timeout) {
        case .written:
            return nil
        case .kept(let count, let journal):
            return "lectern: another Lectern is still writing to the cache, so \(Self.marks(count)) wait in "
                + "\(journal.path); the reader writes them when it next opens"
        case .lost(let count, let reason):
            return "lectern: \(Self.marks(count)) could not be saved: \(reason)"
        }
    }

    private static func marks(_ count: Int) -> String {
        count == 1 ? "1 read mark" : "\(count) read marks"
    }
}
