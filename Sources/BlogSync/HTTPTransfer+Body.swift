import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension HTTPTransfer {
    /// Decides whether to read the body once the headers are in, and sets its budget.
    func disposition(for response: URLResponse) -> URLSession.ResponseDisposition {
        lock.lock()
        let following = nextHop != nil
        lock.unlock()
        // The redirect response of a hop whose redirect is taken: nothing to keep of it.
        if following { return .allow }
        let http = response as? HTTPURLResponse
        let accepted = http.map { Self.accepts(status: $0.statusCode, request: request) } ?? true
        let budget = HTTPBodyBudget(
            limit: accepted ? request.bodyLimit : FetchRequest.errorBodyLimit,
            contentEncoding: http.flatMap { Self.header("Content-Encoding", in: $0) },
            declaredLength: response.expectedContentLength)
        lock.lock()
        self.response = http
        self.budget = budget
        statusAccepted = accepted
        spool = HTTPBodySpool(fileThreshold: accepted && request.allowsBodyFile ? FetchRequest.bodyFileThreshold : nil)
        lock.unlock()
        // A declared length over the limit fails before a byte of body is read.
        if accepted, response.expectedContentLength > Int64(budget.limit) {
            abort(with: .tooLarge(limit: budget.limit))
            return .cancel
        }
        return .allow
    }

    /// Takes in a piece of the body, failing the transfer the moment it overruns its budget.
    func receive(_ data: Data) {
        lock.lock()
        // A followed redirect's body comes in one piece, read whole by URLSession: dropped.
        if nextHop != nil { return lock.unlock() }
        guard !finished, failure == nil else {
            // Refused already: let go of what came before, and of what still trickles in.
            spool.discard()
            lock.unlock()
            return
        }
        var stop: FetchError.Kind?
        let count = spool.count + data.count
        if !statusAccepted, count > FetchRequest.errorBodyLimit, let status = response?.statusCode {
            // An error page this long says nothing more: report the status with its start.
            try? spool.append(data.prefix(FetchRequest.errorBodyLimit - spool.count))
            stop = .httpStatus(status, body: spool.inMemory)
        } else if let overrun = budget.overrun(decodedCount: count) {
            stop = overrun
        } else {
            do {
                try spool.append(data)
            } catch {
                stop = .network((error as? HTTPBodyFileError)?.message ?? "\(error)")
            }
        }
        if stop != nil { spool.discard() }
        lock.unlock()
        if let stop { abort(with: stop) }
    }
}
