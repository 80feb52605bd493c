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

    /// Scrolls the thread just enough to show the cursor.
    mutating func keepThreadSelectionVisible() {
        let rows = visibleRows(of: .thread)
        let index = thread.selectedVisibleIndex
        if index < thread.scroll { thread.scroll = index }
        if index >= thread.scroll + rows { thread.scroll = index - rows + 1 }
        thread.scroll = max(0, min(thread.scroll, max(0, thread.visibleRows.count - rows)))
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
