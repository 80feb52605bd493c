import BlogModel

/// A user listed in a WXR export's channel (`wp:author`).
public struct WXRAuthor: Equatable, Sendable {
    public var login: String
    public var displayName: String
    public var email: String
    /// `wp:author_id`: tells the author's own comments (`wp:comment_user_id`) from a guest's.
    public var id: Int?

    public init(login: String, displayName: String = "", email: String = "", id: Int? = nil) {
        self.login = login
        self.displayName = displayName
        self.email = email
        self.id = id
    }
}

/// The blog described by a WXR export: everything in `<channel>` before the first item.
public struct WXRChannel: Equatable, Sendable {
    public var title = ""
    public var link = ""
    public var description = ""
    public var language = ""
    public var baseSiteURL = ""
    public var baseBlogURL = ""
    public var authors: [WXRAuthor] = []
    /// Category names (`wp:cat_name`).
    public var categories: [String] = []
    /// Tag names (`wp:tag_name`).
    public var tags: [String] = []

    public init() {}
}

/// One `<item>` of a WXR export: a post (or page, attachment…) with its comments.
public struct WXRItem: Equatable, Sendable {
    public var post: Post
    /// `wp:post_type`: `post`, `page`, `attachment`, `nav_menu_item`, custom types.
    public var postType: String
    /// `wp:status`: `publish`, `draft`, `pending`, `private`, `future`, `inherit`, `trash`.
    public var status: String
    public var comments: [Comment]

    public init(post: Post, postType: String, status: String, comments: [Comment]) {
        self.post = post
        self.postType = postType
        self.status = status
        self.comments = comments
    }
}
