/// Where each pane sits on a screen of a given size; reduce and the renderers share it.
///
/// Every pane's first row is its header (title bar); the rows below are its content.
/// In `.stacked` and `.columns` a one-column separator sits between side-by-side panes.
/// The status line is always the last screen row. The thread pane's content shows the
/// comments with their text inline (`threadList`).
public struct ReaderLayout: Equatable, Sendable {
    public let size: ScreenSize
    public let mode: LayoutMode
    /// The whole area of each visible pane, header included; absent panes are hidden.
    public let panes: [Pane: Rect]
    /// Vertical one-column separators between side-by-side panes.
    public let separators: [Rect]
    /// The last row of the screen.
    public let status: Rect

    /// Lays out a screen of `size`; in single-pane mode only `focus` is shown.
    public init(size: ScreenSize, focus: Pane) {
        self.size = size
        let mode = LayoutMode.forSize(size)
        self.mode = mode
        let bodyHeight = max(0, size.rows - 1)
        status = Rect(x: 0, y: bodyHeight, width: size.columns, height: min(1, size.rows))
        switch mode {
        case .single:
            panes = [focus: Rect(x: 0, y: 0, width: size.columns, height: bodyHeight)]
            separators = []
        case .stacked:
            let listHeight = max(5, bodyHeight / 3)
            let lowerHeight = bodyHeight - listHeight
            let articleWidth = (size.columns - 1) / 2
            let threadX = articleWidth + 1
            panes = [
                .posts: Rect(x: 0, y: 0, width: size.columns, height: listHeight),
                .article: Rect(x: 0, y: listHeight, width: articleWidth, height: lowerHeight),
                .thread: Rect(
                    x: threadX, y: listHeight, width: size.columns - threadX, height: lowerHeight),
            ]
            separators = [Rect(x: articleWidth, y: listHeight, width: 1, height: lowerHeight)]
        case .columns:
            let listWidth = size.columns * 3 / 10
            let articleWidth = size.columns * 4 / 10
            let articleX = listWidth + 1
            let threadX = articleX + articleWidth + 1
            panes = [
                .posts: Rect(x: 0, y: 0, width: listWidth, height: bodyHeight),
                .article: Rect(x: articleX, y: 0, width: articleWidth, height: bodyHeight),
                .thread: Rect(
                    x: threadX, y: 0, width: size.columns - threadX, height: bodyHeight),
            ]
            separators = [
                Rect(x: listWidth, y: 0, width: 1, height: bodyHeight),
                Rect(x: articleX + articleWidth, y: 0, width: 1, height: bodyHeight),
            ]
        }
    }

    /// The area of `pane` including its header, or nil when the pane is hidden.
    public func frame(of pane: Pane) -> Rect? { panes[pane] }

    /// The header row of `pane`.
    public func header(of pane: Pane) -> Rect? {
        guard let frame = panes[pane] else { return nil }
        return Rect(x: frame.x, y: frame.y, width: frame.width, height: min(1, frame.height))
    }

    /// The area of `pane` below its header.
    public func content(of pane: Pane) -> Rect? {
        guard let frame = panes[pane] else { return nil }
        return Rect(x: frame.x, y: frame.y + 1, width: frame.width, height: frame.height - 1)
    }

    /// The thread pane below its header, where comments and their text are drawn.
    public var threadList: Rect? { content(of: .thread) }

    /// Columns the article's text is laid out at: the pane less a margin each side.
    public var articleTextWidth: Int? {
        content(of: .article).map { max(8, $0.width - 2) }
    }

    /// The pane under the cell at `column`, `row`, if any.
    public func pane(atColumn column: Int, row: Int) -> Pane? {
        panes.first { $0.value.contains(column: column, row: row) }?.key
    }

    /// Number of rows a pane can show below its header; at least 1 so paging always moves.
    public func visibleRows(of pane: Pane) -> Int {
        guard let content = content(of: pane) else {
            // A hidden pane scrolls as if it were shown full screen.
            return max(1, size.rows - 2)
        }
        return max(1, content.height)
    }

    /// The box overlays (help, search, filter picker, drafts, prompts) draw in, border included.
    public var overlay: Rect {
        let bodyHeight = max(0, size.rows - 1)
        if mode == .single { return Rect(x: 0, y: 0, width: size.columns, height: bodyHeight) }
        let width = min(size.columns - 4, 100)
        return Rect(x: (size.columns - width) / 2, y: 1, width: width, height: bodyHeight - 2)
    }

    /// The rows of an overlay that list entries: inside the border, below one title row.
    public var overlayList: Rect {
        let box = overlay
        if mode == .single {
            return Rect(x: box.x, y: box.y + 1, width: box.width, height: box.height - 1)
        }
        return Rect(x: box.x + 1, y: box.y + 2, width: box.width - 2, height: box.height - 3)
    }
}
