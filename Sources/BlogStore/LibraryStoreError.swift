/// Why the cache could not be used.
public enum LibraryStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database at `path` could not be opened or is not a database.
    case cannotOpen(path: String, reason: String)
    /// A row the caller referred to does not exist.
    case notFound(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open the cache \(path): \(reason)"
        case .notFound(let what): return "not found: \(what)"
        }
    }
}
