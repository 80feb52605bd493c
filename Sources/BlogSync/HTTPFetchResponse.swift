import BlogModel
import Foundation

/// A response the fetcher accepted: a 2xx, or a 3xx when redirects were not followed.
public struct FetchResponse: Equatable, Sendable {
    /// The HTTP status; 2xx, or 3xx for a request made with `followRedirects: false`.
    public var status: Int
    /// The body, already gzip/deflate-decoded; empty when it went to `bodyFile`.
    public var body: Data
    /// The body in a temporary file instead, for a request that `allowsBodyFile` whose body
    /// outgrew `FetchRequest.bodyFileThreshold`; the file goes when the last copy of this does.
    public var bodyFile: HTTPBodyFile?
    /// The URL the body came from, after any redirects.
    public var finalURL: URL
    /// The new address when every redirect on the way was permanent (301/308): store it.
    public var permanentRedirect: URL?
    public var validators: HTTPValidators
    /// The `Content-Type` header, as sent (parameters included).
    public var contentType: String?
    /// All response headers, names lower-cased.
    public var headers: [String: String]

    public init(
        status: Int = 200, body: Data, bodyFile: HTTPBodyFile? = nil, finalURL: URL, permanentRedirect: URL? = nil,
        validators: HTTPValidators = HTTPValidators(), contentType: String? = nil,
        headers: [String: String] = [:]
    ) {
        self.status = status
        self.body = body
        self.bodyFile = bodyFile
        self.finalURL = finalURL
        self.permanentRedirect = permanentRedirect
        self.validators = validators
        self.contentType = contentType
        self.headers = headers
    }

    /// The body's size in bytes, in memory or in its file.
    public var bodyCount: Int { bodyFile?.count ?? body.count }

    /// Up to `maxCount` bytes from the start of the body, in memory or in its file.
    public func bodyPrefix(_ maxCount: Int) -> Data {
        bodyFile?.prefix(maxCount) ?? body.prefix(maxCount)
    }

    /// The first 4 KiB of the body: enough to tell a feed from a page.
    public var bodyHead: Data { bodyPrefix(4096) }

    /// The `Location` header resolved against `finalURL`, for an unfollowed redirect.
    public var location: URL? {
        headers["location"].flatMap { URL(string: $0, relativeTo: finalURL)?.absoluteURL }
    }

    /// The media type alone, lower-cased: `text/html` for `text/html; charset=UTF-8`.
    public var mediaType: String? {
        contentType?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}
