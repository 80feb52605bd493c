import Foundation

/// One published post with its metadata and HTML body.
public struct Post: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var blogID: Int64
    /// Identity within the blog: guid, Atom id or `wp:post_id`, falling back to the link.
    public var sourceID: String
    public var title: String
    public var link: String
    public var author: String
    /// The site's user id of the post's author (WordPress REST `author`, the WXR author's
    /// `wp:author_id`); nil when the source does not say.
    public var authorUserID: Int?
    public var published: Date?
    public var updated: Date?
    public var categories: [String]
    public var tags: [String]
    public var contentHTML: String
    public var excerptHTML: String
    /// WordPress's numeric post id, needed to post a comment.
    public var remotePostID: Int?
    /// Per-post comment feed (`wfw:commentRss`, Atom `replies`), when the source names one.
    public var commentFeedURL: String?
    public var commentsOpen: Bool
    /// Comment count the source advertises (`slash:comments`, `thr:total`); a hint.
    public var advertisedCommentCount: Int?

    public init(
        id: Int64 = 0, blogID: Int64 = 0, sourceID: String, title: String, link: String = "",
        author: String = "", published: Date? = nil, updated: Date? = nil,
        categories: [String] = [], tags: [String] = [], contentHTML: String = "",
        excerptHTML: String = "", remotePostID: Int? = nil, commentFeedURL: String? = nil,
        commentsOpen: Bool = true, advertisedCommentCount: Int? = nil, authorUserID: Int? = nil
    ) {
        self.id = id
        self.blogID = blogID
        self.sourceID = sourceID
        self.title = title
        self.link = link
        self.author = author
        self.published = published
        self.updated = updated
        self.categories = categories
        self.tags = tags
        self.contentHTML = contentHTML
        self.excerptHTML = excerptHTML
        self.remotePostID = remotePostID
        self.commentFeedURL = commentFeedURL
        self.commentsOpen = commentsOpen
        self.advertisedCommentCount = advertisedCommentCount
        self.authorUserID = authorUserID
    }
}

/// A post as shown in a list: metadata and counts, never the body.
public struct PostSummary: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var blogID: Int64
    public var blogTitle: String
    public var title: String
    public var author: String
    public var published: Date?
    public var link: String
    public var categories: [String]
    public var tags: [String]
    public var commentCount: Int
    public var newCommentCount: Int
    public var unread: Bool
    public var starred: Bool
    /// The user follows this post's comments (pressed `w`, or commented on it).
    public var watched: Bool

    public init(
        id: Int64, blogID: Int64, blogTitle: String = "", title: String, author: String = "",
        published: Date? = nil, link: String = "", categories: [String] = [], tags: [String] = [],
        commentCount: Int = 0, newCommentCount: Int = 0, unread: Bool = true, starred: Bool = false,
        watched: Bool = false
    ) {
        self.id = id
        self.blogID = blogID
        self.blogTitle = blogTitle
        self.title = title
        self.author = author
        self.published = published
        self.link = link
        self.categories = categories
        self.tags = tags
        self.commentCount = commentCount
        self.newCommentCount = newCommentCount
        self.unread = unread
        self.starred = starred
        self.watched = watched
    }
}
