import Foundation

/// One search hit: a post, or a comment on a post, with a short excerpt.
public struct SearchResultRow: Equatable, Hashable, Sendable {
    public var postID: Int64
    /// Set when the hit is a comment; the thread opens on it.
    public var commentID: Int64?
    public var title: String
    public var blogTitle: String
    /// Text around the match, plain, already short.
    public var snippet: String
    public var published: Date?

    public init(
        postID: Int64, commentID: Int64? = nil, title: String, blogTitle: String = "",
        snippet: String = "", published: Date? = nil
    ) {
        self.postID = postID
        self.commentID = commentID
        self.title = title
        self.blogTitle = blogTitle
        self.snippet = snippet
        self.published = published
    }
}
