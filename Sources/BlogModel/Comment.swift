import Foundation

/// One comment, pingback or trackback on a post.
public struct Comment: Equatable, Sendable, Identifiable {
    public enum Kind: String, Sendable, Codable {
        case comment
        case pingback
        case trackback
    }

    /// Moderation state; only `approved` comments are ever shown.
    public enum Status: String, Sendable, Codable {
        case approved
        case pending
        case spam
        case trash
    }

    public var id: Int64
    public var postID: Int64
    /// Identity within the post's blog: `wp:comment_id`, the numeric id from `#comment-ID`, or the entry id.
    public var sourceID: String
    /// The source id of the comment this replies to; nil for a top-level comment.
    public var parentSourceID: String?
    public var author: String
    public var authorEmail: String
    public var authorURL: String
    public var published: Date?
    public var contentHTML: String
    public var kind: Kind
    public var status: Status
    /// True until the reader has seen this comment.
    public var isNew: Bool
    /// The site's user id of the commenter (WordPress REST `author`, WXR `wp:comment_user_id`):
    /// 0 for a guest, nil when the source does not say.
    public var authorUserID: Int?
    /// What the cache knows of this comment in relation to the reader (theirs, a reply to
    /// them, by the post's author, muted); computed when the thread is read, never stored.
    public var marks: CommentMarks

    public init(
        id: Int64 = 0, postID: Int64 = 0, sourceID: String, parentSourceID: String? = nil,
        author: String = "", authorEmail: String = "", authorURL: String = "",
        published: Date? = nil, contentHTML: String = "", kind: Kind = .comment,
        status: Status = .approved, isNew: Bool = false, authorUserID: Int? = nil,
        marks: CommentMarks = []
    ) {
        self.id = id
        self.postID = postID
        self.sourceID = sourceID
        self.parentSourceID = parentSourceID
        self.author = author
        self.authorEmail = authorEmail
        self.authorURL = authorURL
        self.published = published
        self.contentHTML = contentHTML
        self.kind = kind
        self.status = status
        self.isNew = isNew
        self.authorUserID = authorUserID
        self.marks = marks
    }
}
