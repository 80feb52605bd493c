import Foundation

/// What a server said about a URL last time, for a conditional GET.
public struct HTTPValidators: Equatable, Sendable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }
}
