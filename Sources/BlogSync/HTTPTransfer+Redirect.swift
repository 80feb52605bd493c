import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension HTTPTransfer {
    /// How long response headers may go unannounced before the transfer is taken for a
    /// redirect whose body does not end.
    static let silentRedirectGrace: TimeInterval = 2

    /// Answers a redirect: `answer` gets the request to follow it with, or nil to stop at the
    /// redirect response; it is not called at all once the task is being cancelled.
    ///
    /// FoundationNetworking traps when a redirect is answered after a cancel got in ("not
    /// waiting for it"), and a cancelled task ends without the answer; answering under the
    /// lock `abort` takes orders the answer before any cancel it could race.
    func redirect(_ response: HTTPURLResponse, to newRequest: URLRequest, answer: (URLRequest?) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard !cancelIssued else { return }
        guard request.followRedirects else { return answer(nil) }
        guard let next = newRequest.url, ["http", "https"].contains(next.scheme?.lowercased() ?? "")
        else {
            failure = failure ?? .network("redirect to an unsupported address")
            return answer(nil)
        }
        redirects += 1
        if ![301, 308].contains(response.statusCode) { allRedirectsPermanent = false }
        let loops = !visited.insert(next.absoluteString).inserted
        if loops || redirects > Self.maxRedirects {
            // Declining the redirect ends the transfer without a cancel.
            failure = failure ?? (loops ? .redirectLoop : .tooManyRedirects(limit: Self.maxRedirects))
            return answer(nil)
        }
        var followed = newRequest
        for name in ["User-Agent", "Accept", "Accept-Encoding"]
        where followed.value(forHTTPHeaderField: name) == nil {
            followed.setValue(makeURLRequest().value(forHTTPHeaderField: name), forHTTPHeaderField: name)
        }
        answer(followed)
    }

    /// Fails a first response stuck in a redirect whose body does not end; polled by the
    /// deadlines.
    ///
    /// FoundationNetworking reads a redirect's body whole before telling the delegate, into
    /// memory, copying it at every piece, so such a body must be caught early. Its headers
    /// show only in the task's `countOfBytesExpectedToReceive`, which turns from 0 once they
    /// are parsed: a response neither announced nor redirected `silentRedirectGrace` later
    /// is such a redirect. After a first redirect that value keeps the previous hop's, and
    /// silence alone cannot tell a slow hop from an endless one when the session's shared
    /// work queue is busy, so later hops are left to the total timeout.
    func checkSilentRedirect() {
        lock.lock()
        let waiting = response == nil && redirects == 0 && failure == nil && !finished
        let since = silentHeadersSince
        lock.unlock()
        guard waiting, let task = currentTask, task.countOfBytesExpectedToReceive != 0 else { return }
        guard let since else {
            lock.lock()
            silentHeadersSince = .now()
            lock.unlock()
            return
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - since.uptimeNanoseconds) / 1e9
        if seconds >= Self.silentRedirectGrace { abort(with: .network("redirect whose body does not end")) }
    }
}
