/// What removing a blog would take away, counted by the cache before the reader asks.
public struct BlogRemovalPreview: Equatable, Sendable {
    public var blogID: Int64
    public var title: String
    public var postCount: Int
    public var commentCount: Int
    /// Drafts on the blog's posts; they are kept.
    public var draftCount: Int

    public init(blogID: Int64, title: String, postCount: Int, commentCount: Int, draftCount: Int) {
        self.blogID = blogID
        self.title = title
        self.postCount = postCount
        self.commentCount = commentCount
        self.draftCount = draftCount
    }

    /// `Remove "Title" (240 posts, 12 comments)?`, with a word on kept drafts.
    var question: String {
        var text = "Remove \"\(title)\" (\(counted(postCount, "post")), \(counted(commentCount, "comment")))?"
        if draftCount > 0 { text += " Its \(counted(draftCount, "draft")) will be kept." }
        return text
    }
}

/// "1 post", "2 posts".
func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
