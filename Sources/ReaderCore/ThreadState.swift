import BlogModel

/// The comment thread pane: the tree, which subtrees are folded, the cursor and the scroll.
///
/// `visibleRows` and the new-comment counts are caches rebuilt by `reduce` whenever the
/// thread or the folds change, so that moving the cursor never walks the whole thread.
public struct ThreadState: Equatable, Sendable {
    /// The post whose comments these are; nil before any post is loaded.
    public var postID: Int64?
    public private(set) var thread: CommentThread = CommentThread(comments: [])
    /// Source ids of folded comments; ids survive a reload of the same thread.
    public private(set) var collapsed: Set<String> = []
    /// Row indices (into `thread.rows`) that are on screen, in order, honouring `collapsed`.
    public private(set) var visibleRows: [Int] = []
    /// `newBefore[i]` counts new comments in rows `0..<i`; subtree counts are one subtraction.
    private var newBefore: [Int] = [0]
    /// Row index (into `thread.rows`) of the selected comment; 0 when the thread is empty.
    public var selectedRow: Int = 0
    /// Index into `visibleRows` of the first row shown.
    public var scroll: Int = 0
    /// True while the thread for `postID` is loading.
    public var isLoading: Bool = false
    /// The user's unsent drafts on this post, to show as pending replies.
    public var drafts: [Draft] = []

    public init(postID: Int64? = nil, comments: [Comment] = []) {
        self.postID = postID
        replaceComments(comments)
    }

    public var isEmpty: Bool { thread.rows.isEmpty }

    /// The selected comment, if the thread has any.
    public var selectedComment: Comment? {
        thread.rows.indices.contains(selectedRow) ? thread.comment(at: selectedRow) : nil
    }

    /// Position of the selected row within `visibleRows`.
    public var selectedVisibleIndex: Int { visibleIndex(ofRow: selectedRow) ?? 0 }

    /// Position of `row` in `visibleRows`, nil when it is folded away.
    public func visibleIndex(ofRow row: Int) -> Int? {
        var low = 0
        var high = visibleRows.count
        while low < high {
            let mid = (low + high) / 2
            if visibleRows[mid] < row { low = mid + 1 } else { high = mid }
        }
        return low < visibleRows.count && visibleRows[low] == row ? low : nil
    }

    /// True when the comment at `row` is folded.
    public func isCollapsed(row: Int) -> Bool {
        thread.rows[row].descendantCount > 0 && collapsed.contains(thread.comment(at: row).sourceID)
    }

    /// Replies hidden under `row` and how many of them are new: "12 replies, 3 new".
    public func subtreeSummary(row: Int) -> (replies: Int, new: Int) {
        let range = thread.subtree(of: row)
        return (range.count, newBefore[range.upperBound] - newBefore[range.lowerBound])
    }

    /// New comments in the whole thread.
    public var newCount: Int { newBefore.last ?? 0 }

    /// Swaps in a freshly loaded list of comments, keeping folds and, when possible, the cursor.
    public mutating func replaceComments(_ comments: [Comment]) {
        let previous = selectedComment?.sourceID
        thread = CommentThread(comments: comments)
        var counts = [Int](repeating: 0, count: thread.rows.count + 1)
        for row in thread.rows.indices {
            counts[row + 1] = counts[row] + (thread.comment(at: row).isNew ? 1 : 0)
        }
        newBefore = counts
        let known = Set(comments.map(\.sourceID))
        collapsed = collapsed.intersection(known)
        rebuildVisibleRows()
        selectedRow = 0
        if let previous, let row = thread.rows.indices.first(where: {
            thread.comment(at: $0).sourceID == previous
        }) {
            revealRow(row)
            selectedRow = row
        }
        scroll = min(scroll, max(0, visibleRows.count - 1))
    }

    /// Folds or unfolds the subtree under `row`; a childless row does not fold.
    public mutating func toggleCollapse(row: Int) {
        guard thread.rows.indices.contains(row), thread.rows[row].descendantCount > 0 else { return }
        let id = thread.comment(at: row).sourceID
        if collapsed.contains(id) { collapsed.remove(id) } else { collapsed.insert(id) }
        rebuildVisibleRows()
    }

    /// Unfolds every ancestor of `row` so that it is visible.
    public mutating func revealRow(_ row: Int) {
        var changed = false
        var ancestor = thread.rows[row].parentRow
        while let current = ancestor {
            if collapsed.remove(thread.comment(at: current).sourceID) != nil { changed = true }
            ancestor = thread.rows[current].parentRow
        }
        if changed { rebuildVisibleRows() }
    }

    private mutating func rebuildVisibleRows() {
        var rows: [Int] = []
        rows.reserveCapacity(thread.rows.count)
        var row = 0
        while row < thread.rows.count {
            rows.append(row)
            row += isCollapsed(row: row) ? thread.rows[row].descendantCount + 1 : 1
        }
        visibleRows = rows
    }
}
