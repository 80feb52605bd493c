import BlogFormats
import BlogModel

/// How the sync reads a parsed feed item: as a post, or as a threaded comment.
extension FeedItem {
    /// True for an entry that answers another (RFC 4685 `thr:in-reply-to`): a comment
    /// interleaved with posts, or an entry of a threaded comment feed.
    public var isComment: Bool { !inReplyTo.isEmpty }

    /// The id other entries' `thr:in-reply-to` refs name this entry by.
    public var entryID: String { atomID ?? guid ?? post.sourceID }
}
