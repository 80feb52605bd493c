import BlogModel
import ReaderCore
import TextLayout

/// Draws the article pane: the selected post as reduce laid it out (`ArticleState.laidOut`), scrolled.
public enum ArticleRenderer {
    /// `openKey` names the key that opens a post, for the empty pane's hint.
    public static func render(
        _ state: ArticleState, focused: Bool, frame: Rect, openKey: String, into buffer: inout ScreenBuffer
    ) {
        guard frame.height > 0 else { return }
        let content = Rect(x: frame.x, y: frame.y + 1, width: frame.width, height: frame.height - 1)
        guard let post = state.post else {
            buffer.drawTitleBar(
                "Article", in: Rect(x: frame.x, y: frame.y, width: frame.width, height: 1), focused: focused)
            let message = state.loadingPostID != nil ? "Loading…" : "Select a post and press \(openKey)."
            buffer.draw([StyledLine(" " + message, slot: .articleMeta)], from: 0, in: content)
            return
        }
        // One column of margin each side reads better than text against the separator.
        let width = max(8, content.width - 2)
        let lines: [TextLine]
        if let laidOut = state.laidOut, laidOut.matches(post: post, text: state.text, width: width) {
            lines = laidOut.lines
        } else {
            // A state reduce has not laid out (made by hand, or drawn at another size).
            lines = ArticleLines(post: post, text: state.text, width: width).lines
        }
        let top = max(0, min(state.scroll, lines.count - content.height))
        let shown = lines.isEmpty ? 100 : min(100, (top + content.height) * 100 / lines.count)
        buffer.drawTitleBar(
            "Article", right: "\(shown)%", in: Rect(x: frame.x, y: frame.y, width: frame.width, height: 1),
            focused: focused)
        let end = min(lines.count, top + content.height)
        let visible = top < end ? lines[top..<end].map { StyledLine($0).prefixed(by: [StyledRun(" ")]) } : []
        buffer.draw(visible, from: 0, in: content)
    }
}
