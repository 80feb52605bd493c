import BlogModel
import TextLayout

extension AppState {
    /// Shows a loaded thread if it is still wanted; a reload of the same post keeps folds and
    /// cursor. A new post's thread opens at the comment asked for (a search hit, a
    /// conversation), else where the user left it last time.
    mutating func applyThread(postID: Int64, comments: [Comment], texts: [RichText]) {
        let focusRequest = thread.pendingFocus
        if postID == thread.postID, thread.loadingPostID == nil || thread.loadingPostID == postID {
            let before = threadIDsUpToSelection()
            thread.replaceComments(comments, texts: texts)
            // A mute just hid the selected comment: stay near it, not at the top.
            reselectNearest(before)
            if let focusRequest, let row = thread.row(for: focusRequest) { selectThreadRow(row) }
        } else if postID == thread.loadingPostID {
            let pending = thread.pendingCommentID
            let position = thread.pendingPosition.flatMap { $0.postID == postID ? $0 : nil }
            let drafts = thread.drafts.filter { $0.postID == postID }
            thread = ThreadState(postID: postID, comments: comments, texts: texts)
            thread.drafts = drafts
            // The kept folds hold whatever is selected; selecting a comment unfolds what hides it.
            if let position, !position.collapsed.isEmpty { thread.setCollapsed(Set(position.collapsed)) }
            if let pending,
                let row = thread.thread.rows.indices.first(where: {
                    thread.thread.comment(at: $0).id == pending
                })
            {
                thread.revealRow(row)
                thread.selectedRow = row
                focus = .thread
            } else if let focusRequest, let row = thread.row(for: focusRequest) {
                selectThreadRow(row)
            } else if let position {
                restoreThreadPosition(position)
            }
        } else {
            return
        }
        thread.loadingPostID = nil
        thread.pendingCommentID = nil
        thread.pendingFocus = nil
        thread.pendingPosition = nil
        keepThreadSelectionVisible()
    }

    /// Moves the thread cursor to position `index` of the visible rows, clamped.
    ///
    /// - Parameter showingHeader: when the cursor lands on the top comment, scroll back to
    ///   its header (a jump); false keeps a long top comment scrolled where it is (a step).
    mutating func moveThreadSelection(toVisibleIndex index: Int, showingHeader: Bool = true) {
        guard !thread.visibleRows.isEmpty else { return }
        let clamped = max(0, min(index, thread.visibleRows.count - 1))
        thread.selectedRow = thread.visibleRows[clamped]
        keepThreadSelectionVisible(showingHeader: showingHeader)
    }

    /// Brings the top up to the cursor when the cursor went above it.
    ///
    /// A cursor below the screen is left to `settleThreadViewport`, which lays the comments
    /// out and scrolls just far enough.
    ///
    /// - Parameter showingHeader: also scroll the top comment back to its header when it is
    ///   the selected one.
    mutating func keepThreadSelectionVisible(showingHeader: Bool = false) {
        let index = thread.selectedVisibleIndex
        if index < thread.scroll || (showingHeader && index == thread.scroll) {
            thread.scroll = index
            thread.lineOffset = 0
        }
        thread.scroll = max(0, min(thread.scroll, thread.visibleRows.count - 1))
    }

    /// Lines `j`/`k` scroll through a selected comment taller than the pane.
    static let threadLineStep = 3

    /// `j`/`k` in the thread: scrolls through a long selected comment while it has lines
    /// below (`j`) or above (`k`) the pane, else moves the cursor one comment.
    mutating func stepThread(forward: Bool) {
        if scrollSelectedComment(forward: forward, by: Self.threadLineStep) { return }
        moveThreadSelection(toVisibleIndex: thread.selectedVisibleIndex + (forward ? 1 : -1), showingHeader: false)
    }

    /// Scrolls the selected comment up to `lines` lines when it has more to show that way:
    /// below the pane, or above it when it is the top comment scrolled past its header.
    /// Returns false, changing nothing, when it has none.
    mutating func scrollSelectedComment(forward: Bool, by lines: Int) -> Bool {
        if forward {
            let below = threadViewport.selectedLinesBelow
            guard below > 0 else { return false }
            thread.lineOffset += min(lines, below)
        } else {
            guard thread.selectedVisibleIndex == thread.scroll, thread.lineOffset > 0 else { return false }
            thread.lineOffset -= min(lines, thread.lineOffset)
        }
        return true
    }

    /// Comments a thread page moves: those the pane shows, less one so a comment stays in view.
    var threadPageSize: Int { max(1, threadViewport.shownComments - 1) }

    /// Page down/up in the thread: a page of lines through a long selected comment while it
    /// has more that way, else the cursor and the top both move by a page of comments.
    mutating func pageThread(forward: Bool) {
        guard !thread.visibleRows.isEmpty else { return }
        if scrollSelectedComment(forward: forward, by: max(1, visibleRows(of: .thread) - 1)) { return }
        let delta = forward ? threadPageSize : -threadPageSize
        let last = thread.visibleRows.count - 1
        let target = max(0, min(thread.selectedVisibleIndex + delta, last))
        thread.selectedRow = thread.visibleRows[target]
        thread.scroll = max(0, min(thread.scroll + delta, target))
        thread.lineOffset = 0
        keepThreadSelectionVisible()
    }

    /// What the thread pane shows now, laid out from this state.
    public var threadViewport: ThreadViewport {
        thread.viewport(in: layout, toggleMutedKey: keyLabel(.toggleMuted))
    }

    /// Moves the thread's top and line offset to where the pane draws from: the top just
    /// far enough for the selected comment, a line offset no further than its end.
    mutating func settleThreadViewport() {
        let shown = threadViewport
        thread.scroll = shown.top
        thread.lineOffset = shown.lineOffset
    }

    /// `h`: the parent comment.
    mutating func threadParent() -> [Effect] {
        guard !thread.isEmpty else { return [] }
        guard let parent = thread.thread.rows[thread.selectedRow].parentRow else {
            status = StatusMessage("Top-level comment: no parent")
            return []
        }
        selectThreadRow(parent)
        return []
    }

    /// `J`/`K`: the next or previous comment with the same parent.
    mutating func threadSibling(forward: Bool) -> [Effect] {
        guard !thread.isEmpty else { return [] }
        let row = thread.selectedRow
        let sibling = forward ? thread.thread.nextSibling(of: row) : thread.thread.previousSibling(of: row)
        guard let sibling else {
            status = StatusMessage(forward ? "No next sibling" : "No previous sibling")
            return []
        }
        selectThreadRow(sibling)
        return []
    }

    /// `Space`/`z`: folds the selected comment's replies; on a reply with none, folds its parent.
    mutating func threadToggleCollapse() -> [Effect] {
        guard !thread.isEmpty else { return [] }
        var row = thread.selectedRow
        if thread.thread.rows[row].descendantCount == 0 {
            guard let parent = thread.thread.rows[row].parentRow else { return [] }
            row = parent
        }
        thread.toggleCollapse(row: row)
        thread.selectedRow = row
        keepThreadSelectionVisible()
        return []
    }

    /// `]`/`[`: the next or previous new comment, unfolding what hides it.
    mutating func seekNewComment(forward: Bool) -> [Effect] {
        guard thread.newCount > 0 else {
            status = StatusMessage("No new comments")
            return []
        }
        let start = thread.selectedRow
        let found = forward ? thread.nextNewRow(after: start) : thread.previousNewRow(before: start)
        guard let found else {
            status = StatusMessage(forward ? "No more new comments below" : "No new comments above")
            return []
        }
        focus = .thread
        selectThreadRow(found)
        return []
    }

    /// Selects `row`, unfolding its ancestors first so it can be seen.
    ///
    /// - Parameter showingHeader: scroll back to its header when it is the top comment; a
    ///   mouse press on a comment's visible lines passes false so the text stays put.
    mutating func selectThreadRow(_ row: Int, showingHeader: Bool = true) {
        thread.revealRow(row)
        thread.selectedRow = row
        keepThreadSelectionVisible(showingHeader: showingHeader)
    }
}
