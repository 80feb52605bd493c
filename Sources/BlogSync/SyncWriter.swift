import Foundation

/// Runs a sync's cache writes one at a time on a thread of their own.
///
/// SQLite takes one writer at a time, and a merge of a blog's comments holds it for a while.
/// Run on Swift's cooperative pool (one thread per core) such a merge would block a thread
/// that fetches and parses for the other blogs; here the waiting task suspends instead, so
/// fetching and parsing go on beside the writes.
final class SyncWriter: Sendable {
    private let queue = DispatchQueue(label: "lectern.sync.writer", qos: .userInitiated)

    /// Runs `work` after the writes queued before it, and returns its result.
    func perform<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}

