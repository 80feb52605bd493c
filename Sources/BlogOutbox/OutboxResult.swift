import Foundation

/// What the outbox did with one draft, as a line the CLI or the reader can show.
public struct OutboxResult: Equatable, Sendable, CustomStringConvertible {
    public enum Status: Equatable, Sendable {
        /// The blog took the comment (or, after a crash, it was found on the blog).
        case sent(remoteCommentID: String?, heldForModeration: Bool)
        /// Not sent; `retryable` drafts are picked up again by the next send.
        case failed(reason: String, retryable: Bool)
        /// Stopped before any request because something changed since it was written.
        case warned(String)
        /// Dry run: this request would have been made.
        case wouldSend
    }

    public var draftID: Int64
    public var status: Status
    /// The route and endpoint used (or that would be), when the draft got that far.
    public var route: CommentSubmission.Route?
    public var url: URL?

    public init(
        draftID: Int64, status: Status, route: CommentSubmission.Route? = nil, url: URL? = nil
    ) {
        self.draftID = draftID
        self.status = status
        self.route = route
        self.url = url
    }

    /// `draft 3: sent as comment 101 (form)` and the like.
    public var description: String {
        let via = route.map { " (\($0.rawValue))" } ?? ""
        switch status {
        case .sent(let id, let held):
            let what = id.map { "sent as comment \($0)" } ?? "sent"
            return "draft \(draftID): \(what)\(held ? ", held for moderation" : "")\(via)"
        case .failed(let reason, let retryable):
            return "draft \(draftID): failed: \(reason)\(retryable ? " (will retry on the next send)" : "")"
        case .warned(let warning):
            return "draft \(draftID): not sent: \(warning) (send with --force to send anyway)"
        case .wouldSend:
            return "draft \(draftID): would POST to \(url?.absoluteString ?? "?")\(via)"
        }
    }
}
