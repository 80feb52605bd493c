/// A dimension posts can be filtered by.
public enum FilterKind: String, CaseIterable, Equatable, Hashable, Sendable {
    case blog
    case category
    case tag
    case author

    /// How the filter picker names this kind.
    public var title: String {
        switch self {
        case .blog: return "Blog"
        case .category: return "Category"
        case .tag: return "Tag"
        case .author: return "Author"
        }
    }
}

/// One value posts can be filtered by, with how many listed posts it matches.
public struct Facet: Equatable, Hashable, Sendable {
    public var name: String
    /// For `.blog` the blog's id as decimal text; otherwise the category, tag or author itself.
    public var value: String
    public var count: Int

    public init(name: String, value: String, count: Int) {
        self.name = name
        self.value = value
        self.count = count
    }
}
