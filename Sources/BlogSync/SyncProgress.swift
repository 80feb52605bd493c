/// Where a running sync is, reported after every blog that finishes.
public struct SyncProgress: Equatable, Sendable {
    /// Blogs finished so far, failed ones included.
    public var completed: Int
    public var total: Int
    /// The blog that just finished.
    public var result: SyncResult

    public init(completed: Int, total: Int, result: SyncResult) {
        self.completed = completed
        self.total = total
        self.result = result
    }

    /// The share done, from 0 to 1.
    public var fraction: Double { total == 0 ? 1 : Double(completed) / Double(total) }
}
