import Foundation

/// One search result: a post, or a comment on a post.
public struct SearchHit: Equatable, Sendable {
    public var postID: Int64
    /// Set when the text matched a comment.
    public var commentID: Int64?
    /// The post's title.
    public var title: String
    /// A short piece of the matching text; plain text, not yet made terminal-safe.
    public var snippet: String
    /// The post's blog and date, so a result list needs no further reads.
    public var blogTitle: String
    public var published: Date?

    public init(
        postID: Int64, commentID: Int64? = nil, title: String, snippet: String, blogTitle: String = "",
        published: Date? = nil
    ) {
        self.postID = postID
        self.commentID = commentID
        self.title = title
        self.snippet = snippet
        self.blogTitle = blogTitle
        self.published = published
    }
}
