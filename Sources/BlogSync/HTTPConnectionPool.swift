import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Long-lived URLSessions shared by the transfers of one fetcher, so connections are reused.
///
/// A session per request opened a new TCP connection for every feed; a sync of a blog with
/// hundreds of comment feeds spent a third of its time connecting. Sessions are keyed by
/// their timeouts, which URLSession only takes per session on Linux: a sync uses one set of
/// options, so in practice there is one session. Closing the pool lets idle connections go.
final class HTTPConnectionPool: @unchecked Sendable {
    /// Connections kept open to one host at most; more requests wait for a free one.
    static let maxConnectionsPerHost = 6

    private struct Key: Hashable {
        var requestTimeout: TimeInterval
        var resourceTimeout: TimeInterval
    }

    private struct Entry {
        var session: URLSession
        var router: HTTPSessionRouter
    }

    // Guards `sessions`: fetches start from any thread.
    private let lock = NSLock()
    private var sessions: [Key: Entry] = [:]

    deinit {
        for entry in sessions.values { entry.session.finishTasksAndInvalidate() }
    }

    /// The per-request silence limit URLSession gets for `request` (whole seconds on Linux).
    static func requestTimeout(for request: FetchRequest) -> TimeInterval {
        // URLSession drops fractions of a second (0.5 would fail every request).
        max(1, request.connectTimeout.rounded(.up))
    }

    /// Creates a task for `urlRequest` whose callbacks go to `transfer`; the caller resumes it.
    func makeTask(_ urlRequest: URLRequest, for request: FetchRequest, transfer: HTTPTransfer) -> URLSessionDataTask {
        let key = Key(
            requestTimeout: Self.requestTimeout(for: request),
            // Our own timer enforces the total timeout; this is only a backstop.
            resourceTimeout: max(1, request.totalTimeout.rounded(.up)) + 1)
        lock.lock()
        let entry = sessions[key] ?? makeEntry(key)
        sessions[key] = entry
        lock.unlock()
        let task = entry.session.dataTask(with: urlRequest)
        entry.router.register(transfer, for: task)
        return task
    }

    private func makeEntry(_ key: Key) -> Entry {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        // Without this FoundationNetworking parses every response's headers for cookies.
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpCookieStorage = nil
        configuration.httpMaximumConnectionsPerHost = Self.maxConnectionsPerHost
        configuration.timeoutIntervalForRequest = key.requestTimeout
        configuration.timeoutIntervalForResource = key.resourceTimeout
        // Serial, so each task's callbacks arrive in order; cheap and bounded, so bodies do not pile up.
        let queue = HTTPDelegateQueue()
        let router = HTTPSessionRouter()
        let session = URLSession(configuration: configuration, delegate: router, delegateQueue: queue)
        return Entry(session: session, router: router)
    }
}
