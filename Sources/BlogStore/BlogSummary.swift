import BlogModel

/// A blog with the counts the blog list shows.
public struct BlogSummary: Equatable, Sendable, Identifiable {
    public var blog: Blog
    /// Listed posts.
    public var postCount: Int
    public var unreadCount: Int
    /// Approved comments on listed posts.
    public var commentCount: Int

    public var id: Int64 { blog.id }

    public init(blog: Blog, postCount: Int, unreadCount: Int, commentCount: Int) {
        self.blog = blog
        self.postCount = postCount
        self.unreadCount = unreadCount
        self.commentCount = commentCount
    }
}
