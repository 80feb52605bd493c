import BlogModel
import ReaderCore

/// Draws the thread pane: one row per visible comment, then a preview of the selected one.
public enum ThreadRenderer {
    /// - Parameter commentText: the comment's text as `RichText`; asked only for the
    ///   selected comment, so a 5,000-comment thread costs what the screen shows.
    public static func render(
        _ state: ThreadState, layout: ReaderLayout, focused: Bool,
        commentText: (Comment) -> RichText, into buffer: inout ScreenBuffer
    ) {
        guard let frame = layout.frame(of: .thread), frame.height > 0 else { return }
        let count = state.thread.rows.count
        let right = count == 0 ? "" : "\(count) comments" + (state.newCount > 0 ? ", \(state.newCount) new" : "")
        buffer.drawTitleBar("Comments", right: right, in: Rect(x: frame.x, y: frame.y, width: frame.width, height: 1), focused: focused)
        guard let list = layout.threadList else { return }
        if state.isEmpty {
            let message = state.isLoading ? "Loading…" : (state.postID == nil ? "" : "No comments yet.")
            buffer.draw([StyledLine(" " + message, slot: .articleMeta)], from: 0, in: list)
            if let preview = layout.threadPreview { buffer.fill(preview, slot: .normal) }
            return
        }
        let thread = state.thread
        let cap = ThreadLayout.indentCap(width: list.width)
        let hasLaterSibling: (Int) -> Bool = { thread.nextSibling(of: $0) != nil }
        let top = max(0, min(state.scroll, state.visibleRows.count - 1))
        for offset in 0..<list.height {
            let index = top + offset
            guard index < state.visibleRows.count else {
                buffer.draw(StyledLine.blank, row: list.y + offset, x: list.x, width: list.width)
                continue
            }
            let row = state.visibleRows[index]
            var line = StyledLine()
            line.append(ThreadLayout.headerGuides(thread, row: row, cap: cap, hasLaterSibling: hasLaterSibling), slot: .threadGuide)
            line.runs += ThreadLayout.headerRuns(thread.comment(at: row), depth: thread.rows[row].depth, cap: cap, fold: fold(state, row))
            let selected = row == state.selectedRow
            if selected { line = ThreadLayout.highlighted(line, width: list.width) }
            buffer.draw(line, row: list.y + offset, x: list.x, width: list.width, fillSlot: selected ? .commentSelected : .normal)
        }
        if let preview = layout.threadPreview, let comment = state.selectedComment {
            renderPreview(comment, state: state, text: commentText(comment), rect: preview, into: &buffer)
        }
    }

    static func fold(_ state: ThreadState, _ row: Int) -> ThreadLayout.Fold {
        guard state.thread.rows[row].descendantCount > 0 else { return .leaf }
        guard state.isCollapsed(row: row) else { return .expanded }
        let summary = state.subtreeSummary(row: row)
        return .collapsed(replies: summary.replies, new: summary.new)
    }

    private static func renderPreview(_ comment: Comment, state: ThreadState, text: RichText, rect: Rect, into buffer: inout ScreenBuffer) {
        let author = TerminalSafeText.sanitize(comment.author)
        buffer.drawTitleBar(author.isEmpty ? "Anonymous" : author, right: DateText.minute(comment.published), in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), focused: false)
        var lines = ArticleLayout.lines(header: nil, body: text, width: max(8, rect.width - 2))
        let replies = state.drafts.filter { $0.parentCommentID == comment.id && $0.state != .sent }
        for draft in replies {
            lines.append(.blank)
            lines.append(StyledLine("✎ your reply (\(draft.state.rawValue))", slot: .draft))
            lines += TextWrapper.wrap(TerminalSafeText.sanitize(draft.body, keepNewlines: true), slot: .draft, width: max(8, rect.width - 4)).map { $0.prefixed(by: [StyledRun("  ")]) }
        }
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        buffer.draw(lines.map { $0.prefixed(by: [StyledRun(" ")]) }, from: 0, in: body)
    }
}
