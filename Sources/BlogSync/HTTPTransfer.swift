import BlogModel
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs one request on a URLSession of its own and turns what happens into a `FetchResult`.
///
/// A session per transfer keeps the delegate's state private to one request; the delegate
/// watches redirects (permanence, loops), streams the body against the size limit and
/// enforces the total timeout, which URLSession on Linux does not do below whole seconds.
final class HTTPTransfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
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

    init(request: FetchRequest, userAgent: String) {
        self.request = request
        self.userAgent = userAgent
    }

    /// Performs the request once; never throws, every failure is a `.failed` result.
    func run() async -> FetchResult {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        // URLSession drops fractions of a second (0.5 would fail every request).
        configuration.timeoutIntervalForRequest = max(1, request.connectTimeout.rounded(.up))
        configuration.timeoutIntervalForResource = max(1, request.totalTimeout.rounded(.up)) + 1
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
        let urlRequest = makeURLRequest()
        visited.insert(request.url.absoluteString)

        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.lock()
                if let failure {
                    lock.unlock()
                    session.invalidateAndCancel()
                    continuation.resume(returning: .failed(FetchError(url: request.url, kind: failure)))
                    return
                }
                self.continuation = continuation
                let task = session.dataTask(with: urlRequest)
                self.task = task
                lock.unlock()
                let limit = request.totalTimeout
                DispatchQueue.global().asyncAfter(deadline: .now() + limit) { [weak self] in
                    self?.abort(with: .timedOut(seconds: limit))
                }
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

    // MARK: URLSessionDataDelegate

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        lock.lock()
        self.response = http
        lock.unlock()
        // A declared length over the limit fails before a byte of body is read.
        if response.expectedContentLength > Int64(request.maxBytes) {
            abort(with: .tooLarge(limit: request.maxBytes))
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        body.append(data)
        let tooLarge = body.count > request.maxBytes
        lock.unlock()
        if tooLarge { abort(with: .tooLarge(limit: request.maxBytes)) }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse, newRequest: URLRequest,
        completionHandler: @escaping (URLRequest?) -> Void
    ) {
        guard request.followRedirects else {
            completionHandler(nil)
            return
        }
        guard let next = newRequest.url, ["http", "https"].contains(next.scheme?.lowercased() ?? "")
        else {
            record(.network("redirect to an unsupported address"))
            completionHandler(nil)
            return
        }
        lock.lock()
        redirects += 1
        if ![301, 308].contains(response.statusCode) { allRedirectsPermanent = false }
        let isLoop =
            redirects > Self.maxRedirects || !visited.insert(next.absoluteString).inserted
        lock.unlock()
        if isLoop {
            // Cancelling here would crash FoundationNetworking, which is waiting for this
            // handler; declining the redirect ends the transfer just as well.
            record(.redirectLoop)
            completionHandler(nil)
            return
        }
        var followed = newRequest
        for name in ["User-Agent", "Accept", "Accept-Encoding"]
        where followed.value(forHTTPHeaderField: name) == nil {
            followed.setValue(makeURLRequest().value(forHTTPHeaderField: name), forHTTPHeaderField: name)
        }
        completionHandler(followed)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.lock()
        finished = true
        let result = makeResult(
            error: error, failure: failure, response: response, body: body, redirects: redirects,
            allRedirectsPermanent: allRedirectsPermanent, request: request)
        let continuation = self.continuation
        self.continuation = nil
        lock.unlock()
        session.finishTasksAndInvalidate()
        continuation?.resume(returning: result)
    }
}
