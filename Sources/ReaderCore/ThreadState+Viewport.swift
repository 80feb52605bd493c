import BlogModel
import TextLayout

extension ThreadState {
    /// The thread as the layout takes it: plain values read from this state.
    ///
    /// - Parameter toggleMutedKey: the key that shows muted comments, named in the note that
    ///   says they are there.
    public func layoutInput(toggleMutedKey: String = "V") -> ThreadViewport.Input {
        ThreadViewport.Input(
            thread: thread, visibleRows: visibleRows, selectedRow: selectedRow, top: scroll,
            lineOffset: lineOffset, fold: { [self] in fold(ofRow: $0) }, text: { [self] in text(ofRow: $0) },
            drafts: shownDrafts.map { ThreadLayout.PendingDraft($0.draft, parentRow: $0.parentRow) },
            emptyMessage: emptyMessage, note: mutedNote(toggleMutedKey: toggleMutedKey))
    }

    /// The thread as the layout takes it, with `V` named for showing muted comments.
    public var layoutInput: ThreadViewport.Input { layoutInput() }

    /// What the thread pane shows in an area of `width` × `height` cells.
    public func viewport(width: Int, height: Int, toggleMutedKey: String = "V") -> ThreadViewport {
        ThreadViewport.compute(layoutInput(toggleMutedKey: toggleMutedKey), width: width, height: height)
    }

    /// What the thread pane shows in `layout`; with the pane hidden, only where it is scrolled.
    public func viewport(in layout: ReaderLayout, toggleMutedKey: String = "V") -> ThreadViewport {
        guard let list = layout.threadList, list.height > 0, list.width > 0 else {
            return ThreadViewport(
                top: scroll, lines: [], rowAtLine: [], foldMarkerAtLine: [], shownComments: 0,
                lineOffset: lineOffset)
        }
        return viewport(width: list.width, height: list.height, toggleMutedKey: toggleMutedKey)
    }

    /// "2 muted — V shows them" while muted comments are left out, "2 muted shown — V hides
    /// them" while they are shown, "" in a thread without any.
    func mutedNote(toggleMutedKey: String) -> String {
        guard mutedCount > 0 else { return "" }
        return showsMuted
            ? "\(mutedCount) muted shown — \(toggleMutedKey) hides them"
            : "\(mutedCount) muted — \(toggleMutedKey) shows them"
    }

    /// Whether the comment at `row` has replies, and what its fold hides when folded.
    public func fold(ofRow row: Int) -> ThreadLayout.Fold {
        guard thread.rows[row].descendantCount > 0 else { return .leaf }
        guard isCollapsed(row: row) else { return .expanded }
        let summary = subtreeSummary(row: row)
        return .collapsed(replies: summary.replies, new: summary.new, drafts: summary.drafts)
    }

    /// What the pane says without comments: "Loading…" while they load, else "No comments
    /// yet." (or "Only muted comments.") under a post, unless the user's own sent comment is
    /// there to read.
    var emptyMessage: String {
        if isLoading { return "Loading…" }
        let hasSent = shownDrafts.contains { $0.draft.state == .sent }
        if postID == nil || hasSent { return "" }
        // Every comment muted: the title bar says how to show them.
        return mutedCount > 0 ? "Only muted comments." : "No comments yet."
    }
}
