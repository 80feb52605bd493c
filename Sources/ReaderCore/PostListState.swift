import BlogModel

/// The post list as a window onto the filtered list: never the whole list in memory.
public struct PostListState: Equatable, Sendable {
    /// The loaded slice, in display order (newest first).
    public var window: [PostSummary] = []
    /// Absolute index of `window[0]` in the filtered list.
    public var windowStart: Int = 0
    /// Posts matching the filter in all.
    public var total: Int = 0
    /// Unread posts matching the filter in all.
    public var unreadTotal: Int = 0
    /// Absolute index of the selected post.
    public var selected: Int = 0
    /// Absolute index of the first row shown.
    public var scrollTop: Int = 0
    public var filter: PostFilterDescription = .all
    /// True while the first window for `filter` is loading.
    public var isLoading: Bool = false
    public var isLoadingNewer: Bool = false
    public var isLoadingOlder: Bool = false

    public init() {}

    /// Absolute index one past the last loaded post.
    public var windowEnd: Int { windowStart + window.count }

    /// The post at absolute index `index`, when it is loaded.
    public func post(at index: Int) -> PostSummary? {
        let local = index - windowStart
        return window.indices.contains(local) ? window[local] : nil
    }

    /// The selected post, when loaded.
    public var selectedPost: PostSummary? { post(at: selected) }

    /// Absolute index of the post with `id`, when it is in the window.
    public func index(ofPostID id: Int64) -> Int? {
        window.firstIndex { $0.id == id }.map { $0 + windowStart }
    }
}
