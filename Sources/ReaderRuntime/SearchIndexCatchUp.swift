import BlogStore
import Foundation

/// Indexes, in the background, the text a `lectern sync` stored without indexing (a first
/// sync of many blogs leaves it: see `SyncSearchIndexing`), so search goes through the index
/// again soon after the reader opens. Search is right meanwhile, only slower: it scans the
/// rows the index does not cover.
///
/// Steps of `stepRows` rows, one transaction each, waiting at most `lockWait` for the write
/// lock: the reader's own writes and another process's get their turn between steps. While
/// another process holds the lock (an import), it tries again every `retryDelay`, for
/// `patience` at most; what is left then waits for the next start or import.
public final class SearchIndexCatchUp: @unchecked Sendable {
    /// Rows indexed per step (about a tenth of a second's work for posts).
    public static let stepRows = 2_000
    static let lockWait: TimeInterval = 0.1
    static let retryDelay: TimeInterval = 1
    static let patience: TimeInterval = 120

    private let store: LibraryStore
    private let queue = DispatchQueue(label: "lectern.search-index", qos: .utility)
    // Guards `stopped`: set by the input thread, read between steps.
    private let lock = NSLock()
    private var stopped = false

    init(store: LibraryStore) {
        self.store = store
    }

    /// Starts catching up; returns at once.
    func start() {
        queue.async { [self] in run() }
    }

    /// Stops after the step under way (a fraction of a second), waiting for it.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        queue.sync {}
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func run() {
        let giveUp = Date().addingTimeInterval(Self.patience)
        while !isStopped {
            do {
                guard try store.indexSearchBacklog(upTo: Self.stepRows, waitingAtMost: Self.lockWait) > 0 else {
                    return
                }
            } catch is ReaderWriteLockHeld {
                guard Date() < giveUp else { return }
                Thread.sleep(forTimeInterval: Self.retryDelay)
            } catch {
                // Search scans what is not indexed; the next import or start tries again.
                return
            }
        }
    }
}
