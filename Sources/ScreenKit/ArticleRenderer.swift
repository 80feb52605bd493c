import BlogModel
import ReaderCore

/// Draws the article pane: the selected post laid out by `ArticleLayout`, scrolled.
public enum ArticleRenderer {
    public static func render(_ state: ArticleState, focused: Bool, frame: Rect, into buffer: inout ScreenBuffer) {
        guard frame.height > 0 else { return }
        let content = Rect(x: frame.x, y: frame.y + 1, width: frame.width, height: frame.height - 1)
        guard let post = state.post else {
            buffer.drawTitleBar("Article", in: Rect(x: frame.x, y: frame.y, width: frame.width, height: 1), focused: focused)
            let message = state.loadingPostID != nil ? "Loading…" : "Select a post and press Enter."
            buffer.draw([StyledLine(" " + message, slot: .articleMeta)], from: 0, in: content)
            return
        }
        // One column of margin each side reads better than text against the separator.
        let lines = ArticleLayout.lines(header: ArticleHeader(post: post), body: state.text, width: max(8, content.width - 2))
        let top = max(0, min(state.scroll, lines.count - content.height))
        let shown = lines.isEmpty ? 100 : min(100, (top + content.height) * 100 / lines.count)
        buffer.drawTitleBar("Article", right: "\(shown)%", in: Rect(x: frame.x, y: frame.y, width: frame.width, height: 1), focused: focused)
        buffer.draw(lines.map { $0.prefixed(by: [StyledRun(" ")]) }, from: top, in: content)
    }
}
