/// The cache validators a server sent with a response, to make the next fetch conditional.
///
/// Stored per feed URL and sent back as `If-None-Match` / `If-Modified-Since`, so an
/// unchanged feed costs one 304 and no parsing.
public struct HTTPValidators: Equatable, Sendable, Hashable {
    /// The `ETag` header, exactly as sent (quotes and any `W/` prefix kept).
    public var etag: String?
    /// The `Last-Modified` header, exactly as sent: servers compare it as text.
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// True when neither validator is present, so there is nothing to send or store.
    public var isEmpty: Bool { etag == nil && lastModified == nil }
}
