import BlogModel
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension HTTPTransfer {
    /// Builds the outcome of a finished transfer from what the delegate collected; the spool
    /// hands its body to a successful result and lets go of it otherwise.
    func makeResult(
        error: Error?, failure: FetchError.Kind?, response: HTTPURLResponse?, spool: HTTPBodySpool,
        redirects: Int, allRedirectsPermanent: Bool, request: FetchRequest
    ) -> FetchResult {
        func failed(_ kind: FetchError.Kind) -> FetchResult {
            spool.discard()
            return .failed(FetchError(url: request.url, kind: kind))
        }
        if let failure { return failed(failure) }
        if let error {
            let kind = Self.kind(for: error, request: request)
            // Once headers have arrived, a transport error (libcurl's "partial file" comes
            // through as an unknown code) means the body was cut short.
            if response != nil, case .network = kind { return failed(.connectionLost) }
            return failed(kind)
        }
        guard let response else { return failed(.network("no response")) }

        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String {
                headers[name.lowercased()] = value
            }
        }
        // libcurl usually reports a short body itself; this catches the case where it
        // does not. Only meaningful when the length counts the bytes we were handed.
        let expected = response.expectedContentLength
        if expected > 0, headers["content-encoding"] == nil, Int64(spool.count) < expected,
            request.method == .get
        {
            return failed(.connectionLost)
        }

        let status = response.statusCode
        if status == 304 {
            spool.discard()
            return .notModified
        }
        if status == 429 || status == 503,
            let value = headers["retry-after"], let seconds = HTTPRetryAfter.seconds(from: value)
        {
            return failed(.retryAfter(seconds: seconds))
        }
        guard Self.accepts(status: status, request: request) else {
            return failed(.httpStatus(status, body: spool.inMemory))
        }

        let finalURL = response.url ?? request.url
        let (body, bodyFile) = spool.finish()
        return .ok(
            FetchResponse(
                status: status, body: body, bodyFile: bodyFile, finalURL: finalURL,
                permanentRedirect: redirects > 0 && allRedirectsPermanent ? finalURL : nil,
                validators: HTTPValidators(etag: headers["etag"], lastModified: headers["last-modified"]),
                contentType: headers["content-type"], headers: headers))
    }

    /// True for a status whose body the caller gets: 2xx, and 3xx when redirects are not followed.
    static func accepts(status: Int, request: FetchRequest) -> Bool {
        (200..<300).contains(status) || (!request.followRedirects && (300..<400).contains(status))
    }

    /// A response header by case-insensitive name.
    static func header(_ name: String, in response: HTTPURLResponse) -> String? {
        let wanted = name.lowercased()
        return response.allHeaderFields.first { ($0.key as? String)?.lowercased() == wanted }?.value as? String
    }
}
