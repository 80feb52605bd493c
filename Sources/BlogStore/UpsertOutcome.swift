/// What an import did with one row, and that row's id in the cache.
public enum UpsertOutcome: Equatable, Sendable {
    case inserted(Int64)
    case updated(Int64)
    case unchanged(Int64)

    public var id: Int64 {
        switch self {
        case .inserted(let id), .updated(let id), .unchanged(let id): return id
        }
    }
}
