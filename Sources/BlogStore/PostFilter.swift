/// Which listed posts a window, count or facet covers; every field narrows the set.
public struct PostFilter: Equatable, Sendable {
    public var blogID: Int64?
    public var category: String?
    public var tag: String?
    public var author: String?
    public var unreadOnly: Bool
    /// Only posts whose comments the user follows.
    public var watchedOnly: Bool
    /// Free text typed by the user; matched against post titles and bodies.
    public var searchText: String?

    public init(
        blogID: Int64? = nil, category: String? = nil, tag: String? = nil, author: String? = nil,
        unreadOnly: Bool = false, searchText: String? = nil, watchedOnly: Bool = false
    ) {
        self.blogID = blogID
        self.category = category
        self.tag = tag
        self.author = author
        self.unreadOnly = unreadOnly
        self.searchText = searchText
        self.watchedOnly = watchedOnly
    }
}
