import Foundation

/// A followed thread with comments the user has not seen: one row of the conversations view.
public struct Conversation: Equatable, Sendable, Identifiable {
    public var postID: Int64
    public var blogID: Int64
    public var blogTitle: String
    public var title: String
    /// Comments not yet seen (muted ones left out).
    public var newComments: Int
    /// Of those, the ones answering one of the user's comments.
    public var repliesToYou: Int
    /// When the newest comment was written (nil when no comment is dated).
    public var lastCommentAt: Date?
    public var lastCommenter: String

    public var id: Int64 { postID }

    public init(
        postID: Int64, blogID: Int64, blogTitle: String, title: String, newComments: Int, repliesToYou: Int,
        lastCommentAt: Date?, lastCommenter: String
    ) {
        self.postID = postID
        self.blogID = blogID
        self.blogTitle = blogTitle
        self.title = title
        self.newComments = newComments
        self.repliesToYou = repliesToYou
        self.lastCommentAt = lastCommentAt
        self.lastCommenter = lastCommenter
    }

    /// The view's order: threads with replies to the user first, then the newest activity.
    public static func viewOrder(_ a: Conversation, _ b: Conversation) -> Bool {
        if (a.repliesToYou > 0) != (b.repliesToYou > 0) { return a.repliesToYou > 0 }
        let aDate = a.lastCommentAt ?? .distantPast
        let bDate = b.lastCommentAt ?? .distantPast
        if aDate != bDate { return aDate > bDate }
        return a.postID > b.postID
    }
}
