import BlogModel
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs one request on a shared URLSession and turns what happens into a `FetchResult`.
///
/// The session's router hands this transfer its task's callbacks: it watches redirects
/// (permanence, loops), streams the body against the size limit and enforces the total
/// timeout, which URLSession on Linux does not do below whole seconds.
final class HTTPTransfer: @unchecked Sendable {
    /// Redirects followed before the fetch is declared a loop.
    static let maxRedirects = 10

    private let request: FetchRequest
    private let userAgent: String
    // Everything below is guarded by `lock`: delegate callbacks, the timer and task
    // cancellation arrive on different threads.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<FetchResult, Never>?
    private var task: URLSessionDataTask?
    private var response: HTTPURLResponse?
    private var body = Data()
    private var failure: FetchError.Kind?
    private var visited: Set<String> = []
    private var redirects = 0
    private var allRedirectsPermanent = true
    private var finished = false
    private var deadline: (watch: HTTPDeadlines, key: Int)?

    init(request: FetchRequest, userAgent: String) {
        self.request = request
        self.userAgent = userAgent
    }

    /// Performs the request once on `pool`; never throws, every failure is a `.failed` result.
    func run(on pool: HTTPConnectionPool, deadlines: HTTPDeadlines) async -> FetchResult {
        let urlRequest = makeURLRequest()
        visited.insert(request.url.absoluteString)

        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.lock()
                if let failure {
                    lock.unlock()
                    continuation.resume(returning: .failed(FetchError(url: request.url, kind: failure)))
                    return
                }
                self.continuation = continuation
                let task = pool.makeTask(urlRequest, for: request, transfer: self)
                self.task = task
                let limit = request.totalTimeout
                let key = deadlines.watch(seconds: limit) { [weak self] in self?.abort(with: .timedOut(seconds: limit)) }
                deadline = (deadlines, key)
                lock.unlock()
                task.resume()
            }
        } onCancel: {
            abort(with: .cancelled)
        }
    }

    private func makeURLRequest() -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.httpBody = request.body
        urlRequest.timeoutInterval = HTTPConnectionPool.requestTimeout(for: request)
        urlRequest.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        urlRequest.setValue(request.accept, forHTTPHeaderField: "Accept")
        urlRequest.setValue("gzip, deflate", forHTTPHeaderField: "Accept-Encoding")
        if let etag = request.validators?.etag {
            urlRequest.setValue(etag, forHTTPHeaderField: "If-None-Match")
        }
        if let lastModified = request.validators?.lastModified {
            urlRequest.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since")
        }
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        return urlRequest
    }

    /// Records why the transfer stops and cancels it; the first reason wins.
    private func abort(with kind: FetchError.Kind) {
        if record(kind) {
            lock.lock()
            let task = self.task
            lock.unlock()
            task?.cancel()
        }
    }

    /// Records why the transfer fails without cancelling it; false when a reason was already set.
    @discardableResult
    private func record(_ kind: FetchError.Kind) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !finished, failure == nil else { return false }
        failure = kind
        return true
    }

    // MARK: Task events, forwarded by the session's router

    /// Decides whether to read the body once the headers are in.
    func disposition(for response: URLResponse) -> URLSession.ResponseDisposition {
        lock.lock()
        self.response = response as? HTTPURLResponse
        lock.unlock()
        // A declared length over the limit fails before a byte of body is read.
        if response.expectedContentLength > Int64(request.maxBytes) {
            abort(with: .tooLarge(limit: request.maxBytes))
            return .cancel
        }
        return .allow
    }

    /// Collects a piece of the body, failing the transfer once it passes the limit.
    func receive(_ data: Data) {
        lock.lock()
        body.append(data)
        let tooLarge = body.count > request.maxBytes
        lock.unlock()
        if tooLarge { abort(with: .tooLarge(limit: request.maxBytes)) }
    }

    /// The request to follow a redirect with, or nil to stop at the redirect response.
    func redirect(_ response: HTTPURLResponse, to newRequest: URLRequest) -> URLRequest? {
        guard request.followRedirects else { return nil }
        guard let next = newRequest.url, ["http", "https"].contains(next.scheme?.lowercased() ?? "")
        else {
            record(.network("redirect to an unsupported address"))
            return nil
        }
        lock.lock()
        redirects += 1
        if ![301, 308].contains(response.statusCode) { allRedirectsPermanent = false }
        let isLoop =
            redirects > Self.maxRedirects || !visited.insert(next.absoluteString).inserted
        lock.unlock()
        if isLoop {
            // Cancelling here would crash FoundationNetworking, which is waiting for the
            // redirect handler; declining the redirect ends the transfer just as well.
            record(.redirectLoop)
            return nil
        }
        var followed = newRequest
        for name in ["User-Agent", "Accept", "Accept-Encoding"]
        where followed.value(forHTTPHeaderField: name) == nil {
            followed.setValue(makeURLRequest().value(forHTTPHeaderField: name), forHTTPHeaderField: name)
        }
        return followed
    }

    /// Hands the outcome to the waiting caller.
    func complete(error: Error?) {
        lock.lock()
        finished = true
        let result = makeResult(
            error: error, failure: failure, response: response, body: body, redirects: redirects,
            allRedirectsPermanent: allRedirectsPermanent, request: request)
        let continuation = self.continuation
        self.continuation = nil
        self.task = nil
        let deadline = self.deadline
        self.deadline = nil
        lock.unlock()
        if let deadline { deadline.watch.cancel(deadline.key) }
        continuation?.resume(returning: result)
    }
}
