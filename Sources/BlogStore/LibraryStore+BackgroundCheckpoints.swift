import Foundation

extension LibraryStore {
    /// Runs `body`, a bulk write of many transactions (a sync), with automatic checkpoints off
    /// (as `deferringCheckpoints`) and the log copied back meanwhile whenever `body` asks its
    /// checkpointer to; returns once a last checkpoint has copied whatever `body` left.
    public func checkpointingInBackground<T>(_ body: (WALCheckpointer) async throws -> T) async throws -> T {
        try await deferringCheckpoints {
            let checkpointer = WALCheckpointer(path: databasePath)
            do {
                let result = try await body(checkpointer)
                await checkpointer.finish()
                return result
            } catch {
                await checkpointer.finish()
                throw error
            }
        }
    }
}
