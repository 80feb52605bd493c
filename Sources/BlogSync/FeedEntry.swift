import BlogModel

/// One item or entry of a feed: a post, or (in an Atom feed with RFC 4685 threading, or in a
/// comment feed) a comment.
public struct FeedEntry: Equatable, Sendable {
    /// The entry read as a post; its `sourceID` is the guid, Atom id or link.
    public var post: Post
    /// The entry read as a comment: `sourceID` the WordPress id from `#comment-ID` when
    /// present, else the guid or Atom id; `parentSourceID` nil (the merger decides it).
    public var comment: Comment
    /// The Atom `id` (or RSS guid), exactly as written.
    public var entryID: String
    /// `thr:in-reply-to` refs, in document order; non-empty marks a comment entry.
    public var inReplyTo: [String]
    /// The RSS `wfw:commentRss` feed of this post's comments.
    public var commentFeedURL: String?
    /// The Atom `link rel="replies" type="application/atom+xml"` of this post.
    public var repliesAtomURL: String?

    public init(
        post: Post, comment: Comment, entryID: String, inReplyTo: [String] = [],
        commentFeedURL: String? = nil, repliesAtomURL: String? = nil
    ) {
        self.post = post
        self.comment = comment
        self.entryID = entryID
        self.inReplyTo = inReplyTo
        self.commentFeedURL = commentFeedURL
        self.repliesAtomURL = repliesAtomURL
    }

    public var isComment: Bool { !inReplyTo.isEmpty }
}
