import BlogModel
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension HTTPTransfer {
    /// Builds the outcome of a finished transfer from what the delegate collected.
    func makeResult(
        error: Error?, failure: FetchError.Kind?, response: HTTPURLResponse?, body: Data,
        redirects: Int, allRedirectsPermanent: Bool, request: FetchRequest
    ) -> FetchResult {
        func failed(_ kind: FetchError.Kind) -> FetchResult {
            .failed(FetchError(url: request.url, kind: kind))
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
        if expected > 0, headers["content-encoding"] == nil, Int64(body.count) < expected,
            request.method == .get
        {
            return failed(.connectionLost)
        }

        let status = response.statusCode
        if status == 304 { return .notModified }
        if status == 429 || status == 503,
            let value = headers["retry-after"], let seconds = HTTPRetryAfter.seconds(from: value)
        {
            return failed(.retryAfter(seconds: seconds))
        }
        let accepted =
            (200..<300).contains(status)
            || (!request.followRedirects && (300..<400).contains(status))
        guard accepted else { return failed(.httpStatus(status, body: body)) }

        let finalURL = response.url ?? request.url
        return .ok(
            FetchResponse(
                status: status, body: body, finalURL: finalURL,
                permanentRedirect: redirects > 0 && allRedirectsPermanent ? finalURL : nil,
                validators: HTTPValidators(etag: headers["etag"], lastModified: headers["last-modified"]),
                contentType: headers["content-type"], headers: headers))
    }

    /// Names a URLSession error the way a user can act on it.
    static func kind(for error: Error, request: FetchRequest) -> FetchError.Kind {
        guard let urlError = error as? URLError else { return .network(error.localizedDescription) }
        switch urlError.code {
        case .timedOut: return .timedOut(seconds: max(1, request.connectTimeout.rounded(.up)))
        case .networkConnectionLost: return .connectionLost
        case .cancelled: return .cancelled
        case .httpTooManyRedirects, .redirectToNonExistentLocation: return .redirectLoop
        case .cannotConnectToHost: return .network("connection refused")
        case .cannotFindHost, .dnsLookupFailed: return .network("host not found")
        case .notConnectedToInternet: return .network("not connected to the internet")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return .network("secure connection failed")
        case .badServerResponse: return .network("bad server response")
        default: return .network("network error \(urlError.code.rawValue)")
        }
    }
}
