import BlogModel
import ReaderCore
import TextLayout

/// Draws the thread pane: each comment's header with its text inline, as `ThreadViewport` lays it out.
public enum ThreadRenderer {
    public static func render(
        _ state: ThreadState, layout: ReaderLayout, focused: Bool, toggleMutedKey: String = "V",
        into buffer: inout ScreenBuffer
    ) {
        guard let frame = layout.frame(of: .thread), frame.height > 0 else { return }
        buffer.drawTitleBar(
            "Comments", right: summary(state),
            in: Rect(x: frame.x, y: frame.y, width: frame.width, height: 1),
            focused: focused)
        guard let list = layout.threadList, !list.isEmpty else { return }
        buffer.draw(
            state.viewport(in: layout, toggleMutedKey: toggleMutedKey).lines.map(StyledLine.init), from: 0, in: list)
    }

    /// "12 comments, 3 new, 1 draft, 2 muted"; the user's sent comments not yet synced count as
    /// comments, muted ones only while shown.
    static func summary(_ state: ThreadState) -> String {
        var parts: [String] = []
        let sent = state.shownDrafts.filter { $0.draft.state == .sent }.count
        let count = state.thread.rows.count + sent
        if count > 0 { parts.append("\(count) \(count == 1 ? "comment" : "comments")") }
        if state.newCount > 0 { parts.append("\(state.newCount) new") }
        let drafts = state.shownDrafts.count - sent
        if drafts > 0 { parts.append("\(drafts) \(drafts == 1 ? "draft" : "drafts")") }
        if state.mutedCount > 0 { parts.append("\(state.mutedCount) muted") }
        return parts.joined(separator: ", ")
    }
}
