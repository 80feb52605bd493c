/// How a comment relates to the reader, as the cache works it out when a thread is read.
public struct CommentMarks: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Written by the user: sent from the outbox (by the site's comment id), or synced under
    /// the configured name and e-mail.
    public static let mine = CommentMarks(rawValue: 1)
    /// Its parent is one of the user's comments.
    public static let replyToMe = CommentMarks(rawValue: 2)
    /// Written by the post's author (same user id where the source has ids, else same name).
    public static let postAuthor = CommentMarks(rawValue: 4)
    /// Hidden: its author is muted on the blog, or it sits in a muted subthread.
    public static let muted = CommentMarks(rawValue: 8)
}
