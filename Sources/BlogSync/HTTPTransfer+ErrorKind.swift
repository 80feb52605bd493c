import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension HTTPTransfer {
    /// Names a URLSession error the way a user can act on it.
    static func kind(for error: Error, request: FetchRequest) -> FetchError.Kind {
        guard let urlError = error as? URLError else { return .network(error.localizedDescription) }
        switch urlError.code {
        case .timedOut: return .timedOut(seconds: max(1, request.connectTimeout.rounded(.up)))
        case .networkConnectionLost: return .connectionLost
        case .cancelled: return .cancelled
        case .httpTooManyRedirects: return .tooManyRedirects(limit: maxRedirects)
        case .redirectToNonExistentLocation: return .network("redirect without a usable Location")
        case .cannotConnectToHost: return .network("connection refused")
        case .cannotFindHost, .dnsLookupFailed: return .network("host not found")
        case .notConnectedToInternet: return .network("not connected to the internet")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return .network("secure connection failed")
        case .badServerResponse: return .network("bad server response")
        default:
            // FoundationNetworking gives libcurl's own words, under a code that says nothing.
            let detail = urlError.userInfo[NSLocalizedDescriptionKey] as? String ?? ""
            if let header = headerProblem(detail) { return .network("unreadable response header (\(header))") }
            return .network("network error \(urlError.code.rawValue)" + (detail.isEmpty ? "" : " (\(detail))"))
        }
    }

    /// What was wrong with a response header, from libcurl's message; nil for other failures.
    ///
    /// FoundationNetworking refuses a header line that is not UTF-8 or not `Name: value` by
    /// failing libcurl's header callback, which libcurl reports as "Failed writing header";
    /// libcurl refuses some lines itself ("Header without colon", "Nul byte in header").
    static func headerProblem(_ detail: String) -> String? {
        let lowered = detail.lowercased()
        guard lowered.contains("header") || lowered.contains("status line") else { return nil }
        if lowered.contains("failed writing header") {
            return "bytes that are not UTF-8, or a line that is not \"Name: value\""
        }
        return lowered
    }
}
