import BlogModel
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs one request on a shared URLSession and turns what happens into a `FetchResult`.
///
/// The session's router hands this transfer its task's callbacks: it follows redirects itself,
/// one task per hop, watching their permanence, loops and number, takes the body in piece by
/// piece against its budget (size, inflation) into memory or a temporary file, and enforces
/// the total timeout, which URLSession on Linux does not do below whole seconds.
///
/// A failure is answered at once, without waiting for URLSession to wind the task down:
/// libcurl inflates a whole read (a gzip bomb's megabyte) before a cancel gets in, and
/// FoundationNetworking reads a redirect's body whole, so the end can be many seconds late.
final class HTTPTransfer: @unchecked Sendable {
    /// Redirects followed at most.
    static let maxRedirects = 10

    let request: FetchRequest
    private let userAgent: String
    // Everything below is guarded by `lock`: delegate callbacks, the timer and task
    // cancellation arrive on different threads.
    let lock = NSLock()
    private var continuation: CheckedContinuation<FetchResult, Never>?
    private var pool: HTTPConnectionPool?
    /// The current hop's task; nil between hops.
    private(set) var task: URLSessionDataTask?
    /// The request for the next hop, once the current hop's redirect is taken; the current
    /// task then ends at its redirect response (see `redirect(_:to:answer:)`).
    var nextHop: URLRequest?
    var response: HTTPURLResponse?
    /// Where the body goes, and what it may cost; both set again once the response is known.
    var spool: HTTPBodySpool
    var budget: HTTPBodyBudget
    /// False for a status the fetcher refuses: its body is kept up to `errorBodyLimit` only.
    var statusAccepted = true
    var failure: FetchError.Kind?
    var visited: Set<String> = []
    var redirects = 0
    var allRedirectsPermanent = true
    private(set) var finished = false
    /// When the current hop's task was first seen holding response headers no callback announced.
    var silentHeadersSince: DispatchTime?
    /// True once `abort` has asked URLSession to cancel the task.
    var cancelIssued = false
    private var deadline: (watch: HTTPDeadlines, key: Int)?

    init(request: FetchRequest, userAgent: String) {
        self.request = request
        self.userAgent = userAgent
        spool = HTTPBodySpool(fileThreshold: nil)
        budget = HTTPBodyBudget(limit: request.bodyLimit, contentEncoding: nil, declaredLength: -1)
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
                self.pool = pool
                // One deadline for the whole transfer, every hop included.
                let limit = request.totalTimeout
                let key = deadlines.watch(
                    seconds: limit,
                    expire: { [weak self] in self?.abort(with: .timedOut(seconds: limit)) },
                    poll: { [weak self] in self?.checkSilentRedirect() })
                deadline = (deadlines, key)
                lock.unlock()
                DispatchQueue.global().async { self.start(urlRequest) }
            }
        } onCancel: {
            abort(with: .cancelled)
        }
    }

    /// Starts a hop on a task of its own, unless the transfer has failed meanwhile (and was
    /// answered then).
    ///
    /// Creating and resuming a task wait for the session's work queue, which a redirect's
    /// endless body holds for as long as it is read. So this runs on a global queue, not on
    /// the delegate queue (see HTTPDelegateQueue) nor on a Swift concurrency thread, and
    /// never under `lock`: the deadlines' poll that ends such a body takes that lock.
    private func start(_ urlRequest: URLRequest) {
        lock.lock()
        let pool = failure == nil ? self.pool : nil
        lock.unlock()
        guard let pool else { return }
        let task = pool.makeTask(urlRequest, for: request, transfer: self)
        lock.lock()
        let failedMeanwhile = failure != nil
        if !failedMeanwhile { self.task = task }
        lock.unlock()
        // Failed while the task was being made: end it, so the router lets go of it.
        if failedMeanwhile { return task.cancel() }
        task.resume()
    }

    func makeURLRequest() -> URLRequest {
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

    /// Fails the transfer (the first reason wins): answers the caller now and cancels the task.
    func abort(with kind: FetchError.Kind) {
        lock.lock()
        guard !finished, failure == nil else { return lock.unlock() }
        failure = kind
        let task = self.task
        cancelIssued = task != nil
        lock.unlock()
        settle(.failed(FetchError(url: request.url, kind: kind)))
        // Never from the delegate queue: cancel() waits for the session's work queue, which
        // may itself be waiting for a slot on the delegate queue (HTTPDelegateQueue).
        if let task { DispatchQueue.global().async { task.cancel() } }
    }

    /// Hands `result` to the waiting caller unless it was answered already.
    private func settle(_ result: FetchResult) {
        lock.lock()
        let continuation = self.continuation
        self.continuation = nil
        let deadline = self.deadline
        self.deadline = nil
        lock.unlock()
        if let deadline { deadline.watch.cancel(deadline.key) }
        continuation?.resume(returning: result)
    }

    /// Hands the outcome to the waiting caller, if a failure did not already, or starts the
    /// next hop when the task ended at a redirect to follow; called once URLSession is done
    /// with the task.
    func complete(error: Error?) {
        lock.lock()
        if error == nil, failure == nil, let next = nextHop {
            nextHop = nil
            silentHeadersSince = nil
            task = nil
            lock.unlock()
            // Off the delegate queue this is called on (see `start`).
            DispatchQueue.global().async { self.start(next) }
            return
        }
        finished = true
        let result = makeResult(
            error: error, failure: failure, response: response, spool: spool, redirects: redirects,
            allRedirectsPermanent: allRedirectsPermanent, request: request)
        self.task = nil
        lock.unlock()
        settle(result)
    }
}
