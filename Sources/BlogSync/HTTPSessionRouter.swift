import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The one delegate of a shared URLSession: hands every callback to the transfer that owns the task.
///
/// URLSession keeps a single delegate per session, so transfers sharing a session (and its
/// connections) register themselves here by task identifier before their task starts.
final class HTTPSessionRouter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // Guards `transfers`: tasks are registered from callers' threads and looked up on the
    // session's delegate queue.
    private let lock = NSLock()
    private var transfers: [Int: HTTPTransfer] = [:]

    /// Routes the callbacks of `task` to `transfer` until the task completes.
    func register(_ transfer: HTTPTransfer, for task: URLSessionTask) {
        lock.lock()
        transfers[task.taskIdentifier] = transfer
        lock.unlock()
    }

    private func transfer(for task: URLSessionTask, removing: Bool = false) -> HTTPTransfer? {
        lock.lock()
        defer { lock.unlock() }
        return removing
            ? transfers.removeValue(forKey: task.taskIdentifier) : transfers[task.taskIdentifier]
    }

    // MARK: URLSessionDataDelegate

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        completionHandler(transfer(for: dataTask)?.disposition(for: response) ?? .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        transfer(for: dataTask)?.receive(data)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse, newRequest: URLRequest,
        completionHandler: @escaping (URLRequest?) -> Void
    ) {
        guard let transfer = transfer(for: task) else { return completionHandler(nil) }
        transfer.redirect(response, to: newRequest, answer: completionHandler)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        transfer(for: task, removing: true)?.complete(error: error)
    }
}
