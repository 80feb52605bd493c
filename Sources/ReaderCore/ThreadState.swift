import BlogModel

/// The comment thread pane: the tree, which subtrees are folded, the cursor and the scroll.
///
/// `visibleRows` and the new-comment counts are caches rebuilt by `reduce` whenever the
/// thread or the folds change, so that moving the cursor never walks the whole thread.
public struct ThreadState: Equatable, Sendable {
    /// The post whose comments these are; nil before any post is loaded.
    public var postID: Int64?
    public private(set) var thread: CommentThread = CommentThread(comments: [])
    /// Each comment's text, in the order of `thread.comments`: converted from HTML by the
    /// effect that read the comments, so that reduce can lay the thread out.
    public private(set) var texts: [RichText] = []
    /// Source ids of folded comments; ids survive a reload of the same thread.
    public private(set) var collapsed: Set<String> = []
    /// Row indices (into `thread.rows`) that are on screen, in order, honouring `collapsed`.
    public private(set) var visibleRows: [Int] = []
    /// Row indices of the folded comments: `collapsed` resolved against the current rows.
    private var collapsedRows: Set<Int> = []
    /// `newBefore[i]` counts new comments in rows `0..<i`; subtree counts are one subtraction.
    private var newBefore: [Int] = [0]
    /// Row index (into `thread.rows`) of the selected comment; 0 when the thread is empty.
    public var selectedRow: Int = 0
    /// Index into `visibleRows` of the comment drawn at the top of the pane.
    ///
    /// Reduce moves it: up when the cursor goes above it, and after every action to where
    /// the pane draws from (`ThreadViewport`, which knows how tall comments are).
    public var scroll: Int = 0
    /// Lines of the top comment (at `scroll`) scrolled off the top of the pane, so that a
    /// comment taller than the pane can be read to its end; 0 shows its header.
    ///
    /// Reduce moves it when `j`/`k` scroll through a long selected comment, and after every
    /// action to what the pane draws, clamped to the comment.
    public var lineOffset: Int = 0
    /// The post whose thread is being loaded, when a load is in flight.
    public var loadingPostID: Int64?
    /// A comment (cache id) to select once the loading thread arrives, e.g. from a search hit.
    public var pendingCommentID: Int64?
    /// Which comment to select once the loading thread arrives, asked by the conversations view.
    public var pendingFocus: PendingFocus?
    /// Where the user left the loading post last time: restored when its thread arrives,
    /// unless a search hit or the conversations view asks for a comment.
    public var pendingPosition: ThreadPosition?
    /// Every comment as loaded, muted ones included, and their texts: `thread` holds the
    /// shown ones, so that `V` can show or hide the muted ones without a reload.
    public private(set) var loadedComments: [Comment] = []
    private var loadedTexts: [RichText] = []
    /// True when muted comments are in the thread (drawn dim) instead of left out.
    public private(set) var showsMuted = false
    /// Muted comments among the loaded ones, shown or not.
    public private(set) var mutedCount = 0
    /// True while a thread is loading.
    public var isLoading: Bool { loadingPostID != nil }
    /// The user's drafts on this post (any state), to show as pending replies.
    public var drafts: [Draft] = [] {
        didSet { resolveDrafts() }
    }
    /// The drafts the thread shows, each with the row it answers: the unsent ones, and the
    /// sent ones that stand in for their comment until a sync brings it (`remoteCommentID` =
    /// a comment's `sourceID`), so that a comment just sent shows at once and the synced one
    /// then replaces it without a duplicate. A sent draft the blog gave no id is not shown:
    /// nothing could tell it from its synced copy.
    public private(set) var shownDrafts: [PendingDraft] = []

    /// A draft placed in the thread.
    public struct PendingDraft: Equatable, Sendable {
        public var draft: Draft
        /// Row (into `thread.rows`) of the comment it answers; nil on the post itself, or when
        /// that comment is not in the thread.
        public var parentRow: Int?

        public init(draft: Draft, parentRow: Int?) {
            self.draft = draft
            self.parentRow = parentRow
        }
    }

    public init(postID: Int64? = nil, comments: [Comment] = [], texts: [RichText] = []) {
        self.postID = postID
        replaceComments(comments, texts: texts)
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
        collapsedRows.contains(row)
    }

    /// Replies hidden under `row`, how many of them are new, and how many of the user's
    /// drafts answer the folded comment or a reply under it: "12 replies, 3 new, 1 draft".
    /// The user's sent comments not yet synced count as replies, not drafts.
    public func subtreeSummary(row: Int) -> (replies: Int, new: Int, drafts: Int) {
        let range = thread.subtree(of: row)
        var drafts = 0
        var sent = 0
        for pending in shownDrafts {
            guard let parent = pending.parentRow, parent == row || range.contains(parent) else { continue }
            if pending.draft.state == .sent { sent += 1 } else { drafts += 1 }
        }
        return (range.count + sent, newBefore[range.upperBound] - newBefore[range.lowerBound], drafts)
    }

    /// New comments in the whole thread.
    public var newCount: Int { newBefore.last ?? 0 }

    /// The first new comment's row after `row`, if any; a binary search over the counts.
    public func nextNewRow(after row: Int) -> Int? {
        guard row + 1 < newBefore.count else { return nil }
        let seen = newBefore[row + 1]
        guard seen < newCount else { return nil }
        // The smallest i with newBefore[i] > seen; row i - 1 is the new comment.
        var low = row + 1
        var high = newBefore.count - 1
        while low < high {
            let mid = (low + high) / 2
            if newBefore[mid] > seen { high = mid } else { low = mid + 1 }
        }
        return low - 1
    }

    /// The last new comment's row before `row`, if any.
    public func previousNewRow(before row: Int) -> Int? {
        let target = newBefore[min(row, newBefore.count - 1)]
        guard target > 0 else { return nil }
        // The smallest i with newBefore[i] == target; row i - 1 is the new comment.
        var low = 0
        var high = min(row, newBefore.count - 1)
        while low < high {
            let mid = (low + high) / 2
            if newBefore[mid] >= target { high = mid } else { low = mid + 1 }
        }
        return low - 1
    }

    /// The text of the comment at `row`.
    public func text(ofRow row: Int) -> RichText { texts[thread.rows[row].comment] }

    /// Swaps in a freshly loaded list of comments and their `texts` (one per comment, in
    /// order), keeping folds and, when possible, the cursor.
    public mutating func replaceComments(_ comments: [Comment], texts: [RichText]) {
        precondition(texts.count == comments.count, "one text per comment")
        loadedComments = comments
        loadedTexts = texts
        mutedCount = comments.reduce(0) { $0 + ($1.marks.contains(.muted) ? 1 : 0) }
        rebuildThread(keeping: selectedComment?.sourceID)
    }

    /// Shows the muted comments (dim) or leaves them out; the cursor stays on `selecting`
    /// (a source id) when that comment is shown, else on the first comment.
    public mutating func setShowsMuted(_ shows: Bool, selecting sourceID: String?) {
        showsMuted = shows
        rebuildThread(keeping: sourceID)
    }

    /// Builds the shown thread from the loaded comments: without the muted ones unless
    /// `showsMuted`. A muted comment's replies are muted too, so nothing is orphaned.
    private mutating func rebuildThread(keeping previous: String?) {
        if showsMuted || mutedCount == 0 {
            thread = CommentThread(comments: loadedComments)
            texts = loadedTexts
        } else {
            let shown = loadedComments.indices.filter { !loadedComments[$0].marks.contains(.muted) }
            thread = CommentThread(comments: shown.map { loadedComments[$0] })
            texts = shown.map { loadedTexts[$0] }
        }
        var counts = [Int](repeating: 0, count: thread.rows.count + 1)
        for row in thread.rows.indices {
            // A muted comment shown with `V` is not news: counts leave it out.
            let comment = thread.comment(at: row)
            counts[row + 1] = counts[row] + (comment.isNew && !comment.marks.contains(.muted) ? 1 : 0)
        }
        newBefore = counts
        var kept: Set<String> = []
        collapsedRows = []
        if !collapsed.isEmpty {
            for row in thread.rows.indices where thread.rows[row].descendantCount > 0 {
                let id = thread.comments[thread.rows[row].comment].sourceID
                if collapsed.contains(id) {
                    kept.insert(id)
                    collapsedRows.insert(row)
                }
            }
        }
        collapsed = kept
        rebuildVisibleRows()
        selectedRow = 0
        if let previous,
            let row = thread.rows.indices.first(where: {
                thread.comment(at: $0).sourceID == previous
            })
        {
            revealRow(row)
            selectedRow = row
        }
        scroll = min(scroll, max(0, visibleRows.count - 1))
        resolveDrafts()
    }

    /// Rebuilds `shownDrafts`; a scan of the thread only when there are drafts.
    private mutating func resolveDrafts() {
        guard !drafts.isEmpty else {
            shownDrafts = []
            return
        }
        var rowByID: [Int64: Int] = [:]
        var sourceIDs: Set<String> = []
        for row in thread.rows.indices {
            let comment = thread.comment(at: row)
            rowByID[comment.id] = row
            sourceIDs.insert(comment.sourceID)
            // A feed may name the comment by its address; the blog's id is its `#comment-N`.
            if let number = Comment.siteNumber(of: comment.sourceID) { sourceIDs.insert(String(number)) }
        }
        shownDrafts = drafts.compactMap { draft in
            if draft.state == .sent {
                guard let remote = draft.remoteCommentID, !sourceIDs.contains(remote) else { return nil }
            }
            return PendingDraft(draft: draft, parentRow: draft.parentCommentID.flatMap { rowByID[$0] })
        }
    }

    /// Folds exactly the comments of `sourceIDs` that have replies here (a restored position).
    public mutating func setCollapsed(_ sourceIDs: Set<String>) {
        collapsed = []
        collapsedRows = []
        for row in thread.rows.indices where thread.rows[row].descendantCount > 0 {
            let id = thread.comment(at: row).sourceID
            if sourceIDs.contains(id) {
                collapsed.insert(id)
                collapsedRows.insert(row)
            }
        }
        rebuildVisibleRows()
    }

    /// Folds or unfolds the subtree under `row`; a childless row does not fold.
    public mutating func toggleCollapse(row: Int) {
        guard thread.rows.indices.contains(row), thread.rows[row].descendantCount > 0 else { return }
        let id = thread.comment(at: row).sourceID
        if collapsedRows.remove(row) != nil {
            collapsed.remove(id)
        } else {
            collapsedRows.insert(row)
            collapsed.insert(id)
        }
        rebuildVisibleRows()
    }

    /// Unfolds every ancestor of `row` so that it is visible.
    public mutating func revealRow(_ row: Int) {
        var changed = false
        var ancestor = thread.rows[row].parentRow
        while let current = ancestor {
            if collapsedRows.remove(current) != nil {
                collapsed.remove(thread.comments[thread.rows[current].comment].sourceID)
                changed = true
            }
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
