import BlogModel
import ReaderCore
import TextLayout

/// Draws the post list: unread and watch marks, date, title, author, comment counts and blog.
public enum PostListRenderer {
    /// Renders `state` into `frame` (title bar on its first row) of `buffer`.
    public static func render(
        _ state: PostListState, focused: Bool, showBlog: Bool, frame: Rect, into buffer: inout ScreenBuffer
    ) {
        guard frame.height > 0 else { return }
        let right = state.total > 0 ? "\(state.total) posts, \(state.unreadTotal) unread" : ""
        buffer.drawTitleBar(
            "Posts · " + state.filter.label, right: right,
            in: Rect(x: frame.x, y: frame.y, width: frame.width, height: 1), focused: focused)
        let content = Rect(x: frame.x, y: frame.y + 1, width: frame.width, height: frame.height - 1)
        for offset in 0..<content.height {
            let index = state.scrollTop + offset
            let row = content.y + offset
            if let post = state.post(at: index) {
                buffer.draw(
                    line(for: post, selected: index == state.selected, showBlog: showBlog, width: content.width),
                    row: row, x: content.x, width: content.width,
                    fillSlot: index == state.selected ? .listSelected : .normal)
            } else if offset == 0, state.total == 0 {
                let text = state.isLoading ? "Loading…" : "No posts. Import a blog with `lectern import FILE`."
                buffer.draw(
                    "  " + text, slot: .listMeta, row: row, x: content.x, width: content.width, fillSlot: .normal)
            } else if index < state.total, index >= 0 {
                buffer.draw("  …", slot: .listMeta, row: row, x: content.x, width: content.width, fillSlot: .normal)
            } else {
                buffer.draw(StyledLine.blank, row: row, x: content.x, width: content.width)
            }
        }
    }

    /// One row: "● ◉ 2024-03-05  Title ……  Author  12 (+3)  Blog" (◉: watched, sync follows
    /// its comments).
    public static func line(for post: PostSummary, selected: Bool, showBlog: Bool, width: Int) -> StyledLine {
        let safe: (String) -> String = { TerminalSafeText.sanitize($0) }
        var right = StyledLine()
        if post.commentCount > 0 || post.newCommentCount > 0 {
            right.append("  \(post.commentCount)", slot: .listMeta)
            if post.newCommentCount > 0 { right.append(" (+\(post.newCommentCount))", slot: .commentNew) }
        }
        let author = safe(post.author)
        let blog = showBlog ? safe(post.blogTitle) : ""
        let date = DateText.day(post.published)
        let leftWidth = 4 + (date.isEmpty ? 0 : 12)
        var titleRoom = width - leftWidth - right.width
        var tail = StyledLine()
        // Author and blog give way to the title on narrow panes.
        for (text, limit) in [(author, 18), (blog, 16)] where !text.isEmpty {
            let piece = "  " + DisplayWidth.truncate(text, to: limit)
            if titleRoom - DisplayWidth.width(of: piece) >= 20 {
                tail.append(piece, slot: .listMeta)
                titleRoom -= DisplayWidth.width(of: piece)
            }
        }
        var line = StyledLine()
        line.append(post.unread ? "● " : "  ", slot: .listUnread)
        line.append(post.watched ? "◉ " : "  ", slot: .listMeta)
        if !date.isEmpty { line.append(date + "  ", slot: .listDate) }
        let title = safe(post.title).isEmpty ? "(untitled)" : safe(post.title)
        let shown = DisplayWidth.truncate(title, to: max(1, titleRoom))
        line.append(shown, slot: post.unread ? .listUnread : .listItem)
        let pad = max(0, titleRoom - DisplayWidth.width(of: shown))
        line.append(String(repeating: " ", count: pad), slot: .listItem)
        line.runs += tail.runs + right.runs
        return selected ? line.mapSlots { _ in .listSelected } : line
    }
}
