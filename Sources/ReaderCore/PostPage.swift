import BlogModel

/// What a post-window load returns: the posts in display order and the list's totals.
public struct PostPage: Equatable, Sendable {
    public var posts: [PostSummary]
    /// Posts matching the filter in all.
    public var total: Int
    /// Unread posts matching the filter in all.
    public var unreadTotal: Int

    public init(posts: [PostSummary], total: Int, unreadTotal: Int) {
        self.posts = posts
        self.total = total
        self.unreadTotal = unreadTotal
    }
}
