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
    /// The default body limit: 20 MiB.
    public static let defaultMaxBytes = 20 * 1024 * 1024

    public var url: URL
    /// Validators from the previous successful fetch; sent so the server can answer 304.
    public var validators: HTTPValidators?
    public var accept: String
    /// The body limit, counted after gzip decoding; a larger body fails the fetch.
    public var maxBytes: Int
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
        retryCap: TimeInterval = 5
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
    }
}
