/// Which posts a mark-read covers: one blog's, or the list in view as filtered.
public enum MarkReadScope: Equatable, Sendable {
    /// Every listed post of the blog, whatever the list's filter (`A`).
    case blog(id: Int64, title: String)
    /// Every post of the list with this filter (`C`).
    case list(PostFilterDescription)

    /// The posts covered, as a list filter.
    public var filter: ListFilter {
        switch self {
        case .blog(let id, _): return .blog(id)
        case .list(let description): return description.filter
        }
    }

    /// Where the posts are, for questions and messages: "of Civic Notes", "in Category: Swift".
    public var place: String {
        switch self {
        case .blog(_, let title): return "of \(title)"
        case .list(let description): return "in \(description.label)"
        }
    }
}
