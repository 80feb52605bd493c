import BlogModel
import BlogStore
import Foundation
import ReaderCore

extension EffectRunner {
    /// The queue for this cache: what readers that are gone left unwritten goes first, and
    /// its waits and failures reach the status line through `inbox`.
    static func makeWriteQueue(store: LibraryStore, inbox: ActionInbox, waits: WaitingWriters) -> ReaderWriteQueue {
        ReaderWriteQueue(store: store, journal: store.databasePath.map(ReaderWriteJournal.init(databasePath:))) {
            status in
            switch status {
            case .writing:
                waits.set(.readMarks, waiting: false)
            case .waitingForLock:
                waits.set(.readMarks, waiting: true)
            case .failing(let reason):
                waits.set(.readMarks, waiting: false)
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

    /// Waits up to `timeout` seconds for every write asked for so far to be in the cache;
    /// true when they are.
    public func waitUntilWritten(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        return changes.waitUntilDone(timeout: timeout)
            && writes.waitUntilWritten(timeout: max(0, deadline.timeIntervalSinceNow))
    }

    /// Makes what is still queued before the reader exits, waiting at most `timeout` seconds
    /// in all for another process's write lock; lines for the terminal about what could not be.
    ///
    /// Bulk and draft changes go first (read marks made after one wait behind it). A change
    /// not made is said, never dropped in silence: the user makes it again (a draft's text
    /// stays in its file, which the next start saves). Read marks not written stay in the
    /// journal, which the next reader writes first.
    public func closeWrites(waitingAtMost timeout: TimeInterval) -> [String] {
        // Not the user's write: what is left is indexed at the next start.
        searchIndexCatchUp.stop()
        let deadline = Date().addingTimeInterval(timeout)
        // A blog's title or a path is printed on the plain terminal: no control characters.
        var lines = changes.finish(waitingAtMost: timeout).map {
            TerminalSafeText.sanitize("lectern: another Lectern is still writing to the cache, so \($0)")
        }
        switch writes.finish(waitingAtMost: max(0.5, deadline.timeIntervalSinceNow)) {
        case .written:
            break
        case .kept(let count, let journal):
            lines.append(
                "lectern: another Lectern is still writing to the cache, so \(Self.marks(count)) wait in "
                    + "\(journal.path); the reader writes them when it next opens")
        case .lost(let count, let reason):
            lines.append("lectern: \(Self.marks(count)) could not be saved: \(reason)")
        }
        return lines
    }

    private static func marks(_ count: Int) -> String {
        count == 1 ? "1 read mark" : "\(count) read marks"
    }
}
