/// Why a WordPress REST answer could not be read.
public enum WordPressRESTError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The body is not JSON at all (an HTML error page, a login wall …).
    case notJSON
    /// Valid JSON, but not the list the endpoint returns.
    case unexpectedShape
    /// The API's own error object: `{"code": "...", "message": "...", "data": {"status": N}}`.
    case api(code: String, message: String, status: Int?)

    public var description: String {
        switch self {
        case .notJSON: return "not a WordPress REST answer (not JSON)"
        case .unexpectedShape: return "not a WordPress REST list"
        case .api(let code, let message, let status):
            let prefix = status.map { "HTTP \($0), " } ?? ""
            return "\(prefix)\(code): \(message)"
        }
    }
}
