import BlogModel
import Foundation

/// What the article pane shows above the body: title, byline and categories.
public struct ArticleHeader: Equatable, Sendable {
    public var title: String
    public var author: String
    public var date: Date?
    public var categories: [String]
    /// The blog's name, shown in the byline when given.
    public var blogTitle: String?

    public init(
        title: String, author: String = "", date: Date? = nil, categories: [String] = [],
        blogTitle: String? = nil
    ) {
        self.title = title
        self.author = author
        self.date = date
        self.categories = categories
        self.blogTitle = blogTitle
    }

    public init(post: Post, blogTitle: String? = nil) {
        self.init(
            title: post.title, author: post.author, date: post.published,
            categories: post.categories + post.tags, blogTitle: blogTitle)
    }

    public init(summary: PostSummary) {
        self.init(
            title: summary.title, author: summary.author, date: summary.published,
            categories: summary.categories)
    }
}
