import BlogModel
import Foundation

/// Fetches URLs over HTTP the way a polite feed reader should.
///
/// Conditional GET with stored validators, gzip (refusing bodies that inflate more than 100
/// times), redirects recorded (permanent ones are reported so the subscription can move), a
/// body limit enforced while streaming, large bodies kept in a temporary file for callers
/// that take one, a total timeout, and `Retry-After` honoured. Memory stays bounded whatever
/// the server sends. Never throws: every outcome is a `FetchResult`.
public struct HTTPFetcher: Sendable {
    /// The version named in the default User-Agent.
    public static let version = "0.1"
    public static let defaultUserAgent = "Lectern/\(version) (terminal blog reader)"

    public var userAgent: String
    /// Shared by every copy of this fetcher, so their requests reuse connections.
    private let pool = HTTPConnectionPool()
    private let deadlines = HTTPDeadlines()

    public init(userAgent: String = HTTPFetcher.defaultUserAgent) {
        self.userAgent = userAgent
    }

    /// Performs `request`; with `retryOnce`, waits out a short `Retry-After` and tries again once.
    public func fetch(_ request: FetchRequest) async -> FetchResult {
        let first = await HTTPTransfer(request: request, userAgent: userAgent).run(on: pool, deadlines: deadlines)
        guard request.retryOnce, case .failed(let error) = first,
            case .retryAfter(let seconds) = error.kind, Double(seconds) <= request.retryCap
        else { return first }
        do {
            try await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
        } catch {
            return .failed(FetchError(url: request.url, kind: .cancelled))
        }
        return await HTTPTransfer(request: request, userAgent: userAgent).run(on: pool, deadlines: deadlines)
    }
}
