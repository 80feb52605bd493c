import BlogModel
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Why a fetch failed, always with the URL it was for.
///
/// `description` is the one line the CLI prints: `error: <url>: <what happened>`.
public struct FetchError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// A status the fetcher does not accept; `body` is kept (up to the limit) so a
        /// caller can show the server's own error page, such as a rejected comment.
        case httpStatus(Int, body: Data)
        case timedOut(seconds: TimeInterval)
        case connectionLost
        case tooLarge(limit: Int)
        /// The inflated body passed `limit` times the compressed length the server declared.
        case inflatesTooMuch(limit: Int)
        /// A redirect led back to an address already visited.
        case redirectLoop
        /// More than `limit` redirects in a row, none revisiting an address.
        case tooManyRedirects(limit: Int)
        /// 429 or 503 with `Retry-After`; the delay in whole seconds.
        case retryAfter(seconds: Int)
        /// The body is not what the caller can read; raised by callers, not by the fetcher.
        case notAFeed(contentType: String)
        case cancelled
        /// Anything else the network layer reported (DNS, refused connection, TLS …).
        case network(String)
    }

    public var url: URL
    public var kind: Kind

    public init(url: URL, kind: Kind) {
        self.url = url
        self.kind = kind
    }

    /// `error: <url>: <message>`.
    public var description: String { "error: \(url.absoluteString): \(message)" }

    /// What happened, without the URL.
    public var message: String {
        switch kind {
        case .httpStatus(let code, _):
            return "HTTP \(code) \(Self.reason(for: code))"
        case .timedOut(let seconds): return "timed out after \(Self.format(seconds)) s"
        case .connectionLost: return "connection lost mid-body"
        case .tooLarge(let limit): return "body larger than \(Self.formatBytes(limit))"
        case .inflatesTooMuch(let limit):
            return "compressed body inflates more than \(limit) times (decompression bomb?)"
        case .redirectLoop: return "redirect loop"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        case .retryAfter(let seconds): return "server asks to retry after \(seconds) s"
        case .notAFeed(let contentType): return "not a feed (got \(contentType))"
        case .cancelled: return "cancelled"
        case .network(let text): return text
        }
    }

    /// The HTTP status, when the failure was one.
    public var status: Int? {
        if case .httpStatus(let code, _) = kind { return code }
        return nil
    }

    /// The standard reason phrase, in the form users see it elsewhere ("Not Found").
    static func reason(for code: Int) -> String {
        let known: [Int: String] = [
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 406: "Not Acceptable", 409: "Conflict", 410: "Gone",
            429: "Too Many Requests", 500: "Internal Server Error", 501: "Not Implemented",
            502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        return known[code] ?? HTTPURLResponse.localizedString(forStatusCode: code).capitalized
    }

    static func format(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }

    static func formatBytes(_ bytes: Int) -> String {
        let mib = 1024 * 1024
        if bytes % mib == 0 { return "\(bytes / mib) MiB" }
        if bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }
}
