import BlogModel

extension AppState {
    /// Shows a loaded thread if it is still wanted; a reload of the same post keeps folds and cursor.
    mutating func applyThread(postID: Int64, comments: [Comment]) {
        if postID == thread.postID, thread.loadingPostID == nil || thread.loadingPostID == postID {
            thread.replaceComments(comments)
        } else if postID == thread.loadingPostID {
            let pending = thread.pendingCommentID
            let drafts = thread.drafts.filter { $0.postID == postID }
            thread = ThreadState(postID: postID, comments: comments)
            thread.drafts = drafts
            if let pending, let row = thread.thread.rows.indices.first(where: {
                thread.thread.comment(at: $0).id == pending
            }) {
                thread.revealRow(row)
                thread.selectedRow = row
                focus = .thread
            }
        } else {
            return
        }
        thread.loadingPostID = nil
        thread.pendingCommentID = nil
        keepThreadSelectionVisible()
    }

    /// Moves the thread cursor to position `index` of the visible rows, clamped.
    mutating func moveThreadSelection(toVisibleIndex index: Int) {
        guard !thread.visibleRows.isEmpty else { return }
        let clamped = max(0, min(index, thread.visibleRows.count - 1))
        thread.selectedRow = thread.visibleRows[clamped]
        keepThreadSelectionVisible()
    }

    /// Brings the top up to the cursor when the cursor went above it.
    ///
    /// Comments vary in height and reduce knows no text widths, so a cursor below the screen
    /// is left to the renderer: it scrolls just far enough and reports the new top with
    /// `.threadViewportChanged`.
    mutating func keepThreadSelectionVisible() {
        let index = thread.selectedVisibleIndex
        if index < thread.scroll { thread.scroll = index }
        thread.scroll = max(0, min(thread.scroll, thread.visibleRows.count - 1))
    }

    /// Comments a thread page moves: what the last frame showed, less one so a comment
    /// stays in view; before any frame, a guess of four rows per comment.
    var threadPageSize: Int {
        thread.shownComments > 0
            ? max(1, thread.shownComments - 1) : max(1, visibleRows(of: .thread) / 4)
    }

    /// Page down/up in the thread: the cursor and the top both move by a page of comments.
    mutating func pageThread(forward: Bool) {
        guard !thread.visibleRows.isEmpty else { return }
        let delta = forward ? threadPageSize : -threadPageSize
        let last = thread.visibleRows.count - 1
        let target = max(0, min(thread.selectedVisibleIndex + delta, last))
        thread.selectedRow = thread.visibleRows[target]
        thread.scroll = max(0, min(thread.scroll + delta, target))
        keepThreadSelectionVisible()
    }

    /// `.threadViewportChanged`: the top the renderer drew from and how many comments fit.
    mutating func applyThreadViewport(top: Int, shownComments: Int) {
        thread.scroll = max(0, min(top, thread.visibleRows.count - 1))
        thread.shownComments = max(0, shownComments)
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
    mutating func selectThreadRow(_ row: Int) {
        thread.revealRow(row)
        thread.selectedRow = row
        keepThreadSelectionVisible()
    }
}
