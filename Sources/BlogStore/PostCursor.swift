import BlogModel

/// A position in the newest-first post list, for keyset pagination.
public struct PostCursor: Equatable, Sendable {
    /// Undated posts sort after every dated one.
    static let undatedSortDate: Double = -1e18

    let sortDate: Double
    let id: Int64

    /// Past the oldest post: `postWindow(before: .end)` gives the oldest posts.
    public static let end = PostCursor(sortDate: -.infinity, id: .min)

    init(sortDate: Double, id: Int64) {
        self.sortDate = sortDate
        self.id = id
    }

    /// The position of `summary` in the list.
    public init(_ summary: PostSummary) {
        self.sortDate = summary.published?.timeIntervalSince1970 ?? Self.undatedSortDate
        self.id = summary.id
    }
}
