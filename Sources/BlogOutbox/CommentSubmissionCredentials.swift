import BlogSync
import Foundation

/// A WordPress application password for one blog, for the REST comment route.
///
/// Kept in a user-only file, one blog a line: `SITE USER PASSWORD`, where the password
/// is the rest of the line (WordPress shows application passwords in groups of four
/// letters separated by spaces). Lines starting with `#` are comments.
public struct CommentSubmissionCredentials: Equatable, Sendable, CustomStringConvertible {
    public var user: String
    public var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// The `Authorization` header value: `Basic base64(user:password)`.
    public var basicAuthorization: String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    /// Never prints the password, so the credentials cannot leak into a log line.
    public var description: String { "application password for \(user)" }

    /// The key a site is filed under: lower-cased scheme and host, no trailing slash.
    public static func siteKey(_ site: String) -> String {
        var text = site.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        guard var components = URLComponents(string: text) else { return text }
        components.scheme = components.scheme?.lowercased()
        components.host = components.host?.lowercased()
        return components.string ?? text
    }
}
