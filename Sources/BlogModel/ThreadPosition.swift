/// Where the user left a post: the selected comment, the folded subtrees and how far the
/// article was scrolled; kept in the cache so the post opens there next time.
///
/// Comments are named by source id, which a sync or a re-import keeps, so a position survives
/// comments added above it.
public struct ThreadPosition: Equatable, Sendable, Codable {
    public var postID: Int64
    /// Source id of the selected comment; nil when none was selected.
    public var selectedComment: String?
    /// Source ids of the folded comments.
    public var collapsed: [String]
    /// The article's first line on screen, counted in lines at `articleWidth` columns.
    public var articleTopLine: Int
    /// The text width the article was laid out at when `articleTopLine` was taken; a
    /// different width maps the line through the text it showed.
    public var articleWidth: Int

    public init(
        postID: Int64, selectedComment: String? = nil, collapsed: [String] = [], articleTopLine: Int = 0,
        articleWidth: Int = 0
    ) {
        self.postID = postID
        self.selectedComment = selectedComment
        self.collapsed = collapsed
        self.articleTopLine = articleTopLine
        self.articleWidth = articleWidth
    }
}
