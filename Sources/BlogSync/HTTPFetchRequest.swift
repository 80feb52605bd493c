import BlogModel
import Foundation

/// One HTTP request to make, with the limits it must respect.
public struct FetchRequest: Equatable, Sendable {
    public enum Method: String, Equatable, Sendable {
        case get = "GET"
        case post = "POST"
    }

    /// The `Accept` header sent when fetching a feed.
    public static let feedAccept =
        "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
    /// The default body limit: 200 MiB. Memory does not depend on it: a body past
    /// `bodyFileThreshold` goes to a temporary file (`allowsBodyFile`), and one that must stay
    /// in memory is held to `memoryBodyLimit`.
    public static let defaultMaxBytes = 200 * 1024 * 1024
    /// The largest body of a request without `allowsBodyFile`, held in memory: 16 MiB.
    public static let memoryBodyLimit = 16 * 1024 * 1024
    /// Past this a body goes to a temporary file when the request allows one: 8 MiB, so six
    /// blogs syncing large feeds at once cost disk, not RAM.
    public static let bodyFileThreshold = 8 * 1024 * 1024
    /// The most body kept from an answer the fetcher refuses (a 404 or 500 page): 1 MiB; the
    /// fetch then reports the status without reading further.
    public static let errorBodyLimit = 1024 * 1024

    public var url: URL
    /// Validators from the previous successful fetch; sent so the server can answer 304.
    public var validators: HTTPValidators?
    public var accept: String
    /// The body limit, counted after gzip decoding; a larger body fails the fetch. Without
    /// `allowsBodyFile`, `memoryBodyLimit` applies when it is lower.
    public var maxBytes: Int
    /// When true, a body larger than `bodyFileThreshold` is handed over as
    /// `FetchResponse.bodyFile` rather than `body`: for callers that read it from a file (feeds).
    public var allowsBodyFile: Bool
    /// How long the connection may stay silent (URLSession rounds this up to whole seconds).
    public var connectTimeout: TimeInterval
    /// How long the whole fetch may take, body included.
    public var totalTimeout: TimeInterval
    public var method: Method
    public var body: Data?
    /// Extra headers such as `Authorization` or `Content-Type`; they win over the defaults.
    public var headers: [String: String]
    /// When false, a 3xx answer is returned as it is (status and `Location`), not followed.
    public var followRedirects: Bool
    /// When true, a 429/503 asking to wait at most `retryCap` seconds is waited out and retried once.
    public var retryOnce: Bool
    public var retryCap: TimeInterval

    public init(
        url: URL, validators: HTTPValidators? = nil, accept: String = FetchRequest.feedAccept,
        maxBytes: Int = FetchRequest.defaultMaxBytes, connectTimeout: TimeInterval = 10,
        totalTimeout: TimeInterval = 30, method: Method = .get, body: Data? = nil,
        headers: [String: String] = [:], followRedirects: Bool = true, retryOnce: Bool = false,
        retryCap: TimeInterval = 5, allowsBodyFile: Bool = false
    ) {
        self.url = url
        self.validators = validators
        self.accept = accept
        self.maxBytes = maxBytes
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.method = method
        self.body = body
        self.headers = headers
        self.followRedirects = followRedirects
        self.retryOnce = retryOnce
        self.retryCap = retryCap
        self.allowsBodyFile = allowsBodyFile
    }

    /// The body limit that applies: `maxBytes`, or less when the body must stay in memory.
    var bodyLimit: Int { allowsBodyFile ? maxBytes : min(maxBytes, Self.memoryBodyLimit) }
}
