import BlogModel
import ReaderCore

/// Composes a whole frame from `AppState`: panes in ReaderCore's layout, separators,
/// the status line and the overlay on top.
public enum ScreenRenderer {
    /// One frame of `state` at `size`: a pure function of them.
    public static func render(_ state: AppState, size: ScreenSize) -> ScreenBuffer {
        var buffer = ScreenBuffer(columns: size.columns, rows: size.rows)
        var sized = state
        sized.size = size
        let layout = sized.layout
        let showBlog = Set(state.posts.window.map(\.blogID)).count > 1
        if let frame = layout.frame(of: .posts) {
            PostListRenderer.render(
                state.posts, focused: state.focus == .posts, showBlog: showBlog, frame: frame, into: &buffer)
        }
        if let frame = layout.frame(of: .article) {
            ArticleRenderer.render(
                state.article, focused: state.focus == .article, frame: frame,
                openKey: state.keyMap.label(for: .open), into: &buffer)
        }
        if layout.frame(of: .thread) != nil {
            ThreadRenderer.render(
                state.thread, layout: layout, focused: state.focus == .thread,
                toggleMutedKey: state.keyMap.label(for: .toggleMuted), into: &buffer)
        }
        for separator in layout.separators {
            for row in separator.y..<separator.maxY {
                buffer[row, separator.x] = Cell("│", slot: .paneBorder)
            }
        }
        StatusLineRenderer.render(sized, rect: layout.status, into: &buffer)
        OverlayRenderer.render(sized, into: &buffer)
        return buffer
    }
}
