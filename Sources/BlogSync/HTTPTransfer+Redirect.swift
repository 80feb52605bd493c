import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension HTTPTransfer {
    /// How long response headers may go unannounced before the transfer is taken for a
    /// redirect whose body does not end.
    static let silentRedirectGrace: TimeInterval = 2

    /// Answers a redirect, always with nil: a redirect to follow becomes `nextHop`, and the
    /// transfer starts it on a new task once this one ends (`complete(error:)`). The answer
    /// is not given at all once the task is being cancelled.
    ///
    /// Each hop on a task of its own is a first hop to URLSession, which is what lets
    /// `checkSilentRedirect` see a later hop's endless body. FoundationNetworking traps when a
    /// redirect is answered after a cancel got in ("not waiting for it"), and a cancelled
    /// task ends without the answer; answering under the lock `abort` takes orders the answer
    /// before any cancel it could race.
    func redirect(_ response: HTTPURLResponse, to newRequest: URLRequest, answer: (URLRequest?) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard !cancelIssued else { return }
        if request.followRedirects { nextHop = hop(after: response, to: newRequest) }
        // Declined in every case: the task ends at the redirect response, without a cancel.
        answer(nil)
    }

    /// The request for the hop `response` redirects to, or nil when the redirect is refused
    /// (the reason is then in `failure`); counts the redirect. Called under `lock`.
    private func hop(after response: HTTPURLResponse, to newRequest: URLRequest) -> URLRequest? {
        guard let next = newRequest.url, ["http", "https"].contains(next.scheme?.lowercased() ?? "")
        else {
            failure = failure ?? .network("redirect to an unsupported address")
            return nil
        }
        redirects += 1
        if ![301, 308].contains(response.statusCode) { allRedirectsPermanent = false }
        let loops = !visited.insert(next.absoluteString).inserted
        if loops || redirects > Self.maxRedirects {
            failure = failure ?? (loops ? .redirectLoop : .tooManyRedirects(limit: Self.maxRedirects))
            return nil
        }
        // URLSession's request for the hop: Location resolved against this hop's address, the
        // method made GET where HTTP says so, this hop's headers kept.
        var followed = newRequest
        for name in ["User-Agent", "Accept", "Accept-Encoding"]
        where followed.value(forHTTPHeaderField: name) == nil {
            followed.setValue(makeURLRequest().value(forHTTPHeaderField: name), forHTTPHeaderField: name)
        }
        return followed
    }

    /// Fails a hop stuck in a redirect whose body does not end; polled by the deadlines.
    ///
    /// FoundationNetworking reads a redirect's body whole before telling the delegate, into
    /// memory, copying it at every piece, so such a body must be caught early. Its headers
    /// show only in the task's `countOfBytesExpectedToReceive`, which turns from 0 once they
    /// are parsed: a response neither announced nor redirected `silentRedirectGrace` later
    /// is such a redirect. That value only says so for a task's first response, which is
    /// why every hop gets a task of its own.
    func checkSilentRedirect() {
        lock.lock()
        let waiting = response == nil && nextHop == nil && failure == nil && !finished
        let task = waiting ? self.task : nil
        let since = silentHeadersSince
        lock.unlock()
        guard let task, task.countOfBytesExpectedToReceive != 0 else { return }
        guard let since else {
            lock.lock()
            // Unless the hop ended meanwhile: the next one starts its own count.
            if self.task === task { silentHeadersSince = .now() }
            lock.unlock()
            return
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - since.uptimeNanoseconds) / 1e9
        if seconds >= Self.silentRedirectGrace { abort(with: .network("redirect whose body does not end")) }
    }
}
