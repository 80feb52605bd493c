/// Which posts the list shows.
public enum PostFilter: Equatable, Hashable, Sendable {
    case all
    case blog(Int64)
    case category(String)
    case tag(String)
    case author(String)

    /// The kind of facet this filter picks from, nil for `.all`.
    public var kind: FilterKind? {
        switch self {
        case .all: return nil
        case .blog: return .blog
        case .category: return .category
        case .tag: return .tag
        case .author: return .author
        }
    }
}

/// A dimension the post list can be filtered by.
public enum FilterKind: String, CaseIterable, Equatable, Hashable, Sendable {
    case blog
    case category
    case tag
    case author

    /// How the picker names this kind.
    public var title: String {
        switch self {
        case .blog: return "Blog"
        case .category: return "Category"
        case .tag: return "Tag"
        case .author: return "Author"
        }
    }
}

/// The active filter with a label for the post list header ("Category: Swift").
public struct PostFilterDescription: Equatable, Hashable, Sendable {
    public var filter: PostFilter
    public var label: String

    public init(filter: PostFilter = .all, label: String = "All posts") {
        self.filter = filter
        self.label = label
    }

    public static let all = PostFilterDescription()
}

/// One value the filter picker offers: its display name, the filter it applies, how many posts match.
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

    /// The filter choosing this facet applies, nil when a blog facet's value is not an id.
    public func filter(kind: FilterKind) -> PostFilter? {
        switch kind {
        case .blog: return Int64(value).map(PostFilter.blog)
        case .category: return .category(value)
        case .tag: return .tag(value)
        case .author: return .author(value)
        }
    }
}
