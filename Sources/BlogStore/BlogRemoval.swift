import BlogModel

/// What removing a blog takes away and what it keeps: counted before asking, reported after.
public struct BlogRemoval: Equatable, Sendable {
    public var blog: Blog
    /// Listed posts, as `lectern blogs` counts them.
    public var postCount: Int
    /// Approved comments on listed posts.
    public var commentCount: Int
    /// Drafts written on the blog's posts: kept, with the posts (and comments) they answer.
    public var draftCount: Int
    /// Posts kept, hidden from every list, because drafts answer them.
    public var keptPostCount: Int

    public init(blog: Blog, postCount: Int, commentCount: Int, draftCount: Int, keptPostCount: Int) {
        self.blog = blog
        self.postCount = postCount
        self.commentCount = commentCount
        self.draftCount = draftCount
        self.keptPostCount = keptPostCount
    }

    /// "240 posts, 1 comment": what goes, for the question and the report.
    public var countsText: String {
        "\(Self.counted(postCount, "post")), \(Self.counted(commentCount, "comment"))"
    }

    /// The line printed once the blog is gone.
    public var removedLine: String { "removed \"\(blog.title)\" (\(countsText))" }

    /// "kept 2 drafts (and their posts) of Title", nil when the blog had no drafts.
    public var keptLine: String? {
        guard draftCount > 0 else { return nil }
        return "kept \(Self.counted(draftCount, "draft")) (and their posts) of \(blog.title)"
    }

    /// "1 post", "2 posts".
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
