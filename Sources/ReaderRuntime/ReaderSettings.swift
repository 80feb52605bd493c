import BlogModel
import BlogOutbox
import BlogSync
import Foundation

/// What the effect runner needs to know of the user's configuration and files.
public struct ReaderSettings: Sendable {
    /// The commenter's identity for new drafts, when configured.
    public var authorName: String?
    public var authorEmail: String?
    public var authorURL: String?
    /// Whether a new reply starts with the parent comment quoted.
    public var quoteParent: Bool
    /// Where the editor's draft files live (user-only permissions).
    public var draftsDirectory: URL
    /// Application passwords by site, for blogs whose REST API takes comments.
    public var applicationPasswords: [String: CommentSubmissionCredentials]

    /// Who the user is, for telling their comments (and replies to them) in threads; nil
    /// until they have given a name.
    public var identity: CommenterIdentity? {
        guard let name = authorName, !name.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return CommenterIdentity(name: name, email: authorEmail ?? "", url: authorURL)
    }

    public init(
        authorName: String? = nil, authorEmail: String? = nil, authorURL: String? = nil,
        quoteParent: Bool = false, draftsDirectory: URL,
        applicationPasswords: [String: CommentSubmissionCredentials] = [:]
    ) {
        self.applicationPasswords = applicationPasswords
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authorURL = authorURL
        self.quoteParent = quoteParent
        self.draftsDirectory = draftsDirectory
    }
}
