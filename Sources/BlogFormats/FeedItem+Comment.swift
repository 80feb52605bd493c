import BlogModel
import Foundation

/// Reading an item of a comment feed as a comment.
extension FeedItem {
    /// The item as a comment on its post.
    ///
    /// Identity is the WordPress comment id when the guid/link carries `#comment-N`, else the
    /// Atom id, else the guid. The parent comes from the first `thr:in-reply-to` whose ref (or
    /// href) names a `#comment-N`; a ref without one answers the post itself. Without any
    /// in-reply-to, WordPress's "In reply to <a href="…#comment-N">Name</a>." opening paragraph
    /// names the parent and is removed from the text. Feeds cannot tell pingbacks apart, so
    /// the kind is always `.comment`.
    public func asComment() -> Comment {
        Comment(sourceID: wordpressCommentID ?? atomID ?? guid ?? post.sourceID)
    }
}
