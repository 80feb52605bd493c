/// Another connection (an import, a sync, another reader) holds the cache's write lock.
public struct ReaderWriteLockHeld: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "another Lectern is writing to the cache" }
}
