/// Why a comment did not reach the blog, in words a reader can act on.
public struct CommentSubmissionFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case commentsClosed
        case duplicate
        /// The blog's flood protection: too many comments too fast.
        case flood
        case missingFields
        /// Anonymous REST comments are off and no application password was sent.
        case applicationPasswordNeeded
        case applicationPasswordRejected
        /// The blog only takes comments from logged-in users.
        case loginRequired
        case postNotFound
        case clientError(Int)
        case serverError(Int)
        /// The blog could not be reached (offline, refused, timed out, cut off).
        case unreachable(String)
        /// An answer that is neither a success nor an error WordPress gives.
        case unexpected(String)
    }

    public var kind: Kind
    /// The blog's own words, filtered for the terminal, when it gave any.
    public var serverMessage: String?

    public init(kind: Kind, serverMessage: String? = nil) {
        self.kind = kind
        self.serverMessage = serverMessage
    }

    /// True when sending again later may succeed: 5xx, 408, 429 and network errors.
    ///
    /// A 408 means the blog gave up waiting for the request before reading it, so no comment
    /// was made and the same request may go again.
    public var retryable: Bool {
        switch kind {
        case .serverError, .unreachable, .flood, .clientError(408): return true
        default: return false
        }
    }

    /// One line for the draft list: what happened, and the blog's message for a bare 4xx.
    public var reason: String {
        switch kind {
        case .commentsClosed: return "comments are closed on this post"
        case .duplicate: return "the blog says this is a duplicate comment (already posted)"
        case .flood: return "the blog says comments are being posted too quickly (HTTP 429)"
        case .missingFields: return "the blog wants a name, an email address and a comment"
        case .applicationPasswordNeeded:
            return "this blog's REST API needs an application password"
        case .applicationPasswordRejected: return "the blog rejected the application password"
        case .loginRequired: return "this blog only accepts comments from logged-in users"
        case .postNotFound: return "the post no longer exists on the blog"
        case .clientError(let status):
            return "the blog refused the comment (HTTP \(status))" + (serverMessage.map { ": \($0)" } ?? "")
        case .serverError(let status): return "the blog had a server error (HTTP \(status))"
        case .unreachable(let what): return "the blog could not be reached (\(what))"
        case .unexpected(let what): return "unexpected answer from the blog: \(what)"
        }
    }

    public var description: String { reason }
}
