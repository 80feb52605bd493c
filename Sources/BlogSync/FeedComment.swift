import BlogFormats
import BlogModel

/// A comment read from a feed or the REST API, with whether the source said who its parent is.
///
/// RSS2 comment feeds carry no parent: a comment from one of them without WordPress's
/// "In reply to" prefix has `knowsParent == false`, and the merger keeps the parent an
/// earlier, richer source stored instead of erasing it.
public struct FeedComment: Equatable, Sendable {
    public var comment: Comment
    public var knowsParent: Bool
    /// The body as plain text for the search index, made where the comment is read (while
    /// parsing) so that the single writer only writes.
    public let searchText: String

    public init(comment: Comment, knowsParent: Bool) {
        self.comment = comment
        self.knowsParent = knowsParent
        searchText = HTMLConverter.plainText(fromHTML: comment.contentHTML)
    }
}
