import BlogModel

/// What one fetch came to.
public enum FetchResult: Equatable, Sendable {
    /// The server answered 304: what we have is current.
    case notModified
    case ok(FetchResponse)
    case failed(FetchError)
}
