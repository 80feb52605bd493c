import Foundation

/// A sync's CPU work of one kind (parsing, or writing to the cache) on threads of its own,
/// a bounded number at a time.
///
/// Swift's cooperative pool has one thread per core. A cache write blocks its thread (SQLite
/// takes one writer at a time, and a merge of a blog's comments holds it for a while), and
/// parsing many feeds at once would crowd the writer off the cores: so the writer gets one
/// thread of its own and parsing the rest of the cores, as an export import's parser and
/// writer threads do. Tasks waiting for a stage suspend; fetching goes on meanwhile.
final class SyncStage: Sendable {
    private let queue: OperationQueue

    init(name: String, width: Int) {
        let queue = OperationQueue()
        queue.name = "lectern.sync.\(name)"
        queue.maxConcurrentOperationCount = max(1, width)
        self.queue = queue
    }

    /// The writer: one write at a time, in the order they were asked for.
    static func writer() -> SyncStage { SyncStage(name: "writer", width: 1) }

    /// Parsing: every core but the writer's.
    static func parsing() -> SyncStage {
        SyncStage(name: "parsing", width: ProcessInfo.processInfo.activeProcessorCount - 1)
    }

    /// Runs `work` once a thread of the stage is free, and returns its result.
    func perform<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.addOperation {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
