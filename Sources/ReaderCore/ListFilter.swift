import BlogModel

/// Which posts the reader's list shows (the cache's own query filter is `BlogStore.PostFilter`).
public enum ListFilter: Equatable, Hashable, Sendable {
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

/// The active filter with a label for the post list header ("Category: Swift").
public struct PostFilterDescription: Equatable, Hashable, Sendable {
    public var filter: ListFilter
    public var label: String

    public init(filter: ListFilter = .all, label: String = "All posts") {
        self.filter = filter
        self.label = label
    }

    public static let all = PostFilterDescription()
}

extension Facet {
    /// The filter choosing this facet applies, nil when a blog facet's value is not an id.
    public func filter(kind: FilterKind) -> ListFilter? {
        switch kind {
        case .blog: return Int64(value).map(ListFilter.blog)
        case .category: return .category(value)
        case .tag: return .tag(value)
        case .author: return .author(value)
        }
    }
}
