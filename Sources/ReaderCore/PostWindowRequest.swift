/// A request for a slice of the post list, newest first, addressed by keyset, never by offset.
public struct PostWindowRequest: Equatable, Hashable, Sendable {
    /// Where the slice starts, in display (newest-first) order.
    public enum Anchor: Equatable, Hashable, Sendable {
        /// The newest `limit` posts.
        case newest
        /// The oldest `limit` posts (the end of the list).
        case oldest
        /// The `limit` posts that follow `postID` in display order (older ones).
        case after(postID: Int64)
        /// The `limit` posts that precede `postID` in display order (newer ones), returned in display order.
        case before(postID: Int64)
    }

    public var filter: ListFilter
    public var anchor: Anchor
    public var limit: Int

    public init(filter: ListFilter, anchor: Anchor, limit: Int) {
        self.filter = filter
        self.anchor = anchor
        self.limit = limit
    }
}
