import Foundation

/// A comment written offline, waiting to be sent to its blog.
public struct Draft: Equatable, Sendable, Identifiable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case draft
        case queued
        case sending
        case sent
        case failed
    }

    public var id: Int64
    public var postID: Int64
    /// Cache id of the comment replied to; nil for a comment on the post itself.
    public var parentCommentID: Int64?
    public var authorName: String
    public var authorEmail: String
    public var authorURL: String
    public var body: String
    public var state: State
    public var lastError: String?
    /// The id the blog gave the comment once it was accepted.
    public var remoteCommentID: String?
    public var created: Date
    public var updated: Date

    public init(
        id: Int64 = 0, postID: Int64, parentCommentID: Int64? = nil, authorName: String = "",
        authorEmail: String = "", authorURL: String = "", body: String, state: State = .draft,
        lastError: String? = nil, remoteCommentID: String? = nil, created: Date = Date(),
        updated: Date = Date()
    ) {
        self.id = id
        self.postID = postID
        self.parentCommentID = parentCommentID
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authorURL = authorURL
        self.body = body
        self.state = state
        self.lastError = lastError
        self.remoteCommentID = remoteCommentID
        self.created = created
        self.updated = updated
    }
}
