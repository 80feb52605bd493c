import BlogModel
import Foundation

/// A response the fetcher accepted: a 2xx, or a 3xx when redirects were not followed.
public struct FetchResponse: Equatable, Sendable {
    /// The HTTP status; 2xx, or 3xx for a request made with `followRedirects: false`.
    public var status: Int
    /// The body, already gzip/deflate-decoded.
    public var body: Data
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
        status: Int = 200, body: Data, finalURL: URL, permanentRedirect: URL? = nil,
        validators: HTTPValidators = HTTPValidators(), contentType: String? = nil,
        headers: [String: String] = [:]
    ) {
        self.status = status
        self.body = body
        self.finalURL = finalURL
        self.permanentRedirect = permanentRedirect
        self.validators = validators
        self.contentType = contentType
        self.headers = headers
    }

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
