import BlogModel
import ReaderCore
import TextLayout

/// What the thread pane shows in one frame: which comment is at the top and the lines.
///
/// Derived purely from `ThreadState`: drawing starts `state.lineOffset` lines into the
/// comment at `state.scroll` when the selected comment (its header and as much of its text
/// as fits, or, when it is that top comment, some of its text) is then on screen; otherwise
/// the top moves just enough: the selected comment at the top when it is above,
/// bottom-aligned when below, drawn from its header. A selected top comment is never
/// scrolled past the point where its last line is on the bottom row, and a pane that would
/// end short of its bottom is pulled back to show more above.
/// Only the comments that can be on screen are laid out, so a 5,000-comment thread costs a
/// screenful. The runner sends `.threadViewportChanged` back (`reportAction`) so `reduce`
/// stays in step, and maps mouse presses with `hit(line:column:)`.
public struct ThreadViewport: Equatable, Sendable {
    /// Index into `state.visibleRows` of the comment drawn first.
    public var top: Int
    /// Lines of the top comment scrolled off above the pane.
    public var lineOffset: Int
    /// Lines of the selected comment below the bottom of the pane; 0 when its end shows.
    public var selectedLinesBelow: Int
    /// The pane's lines below its title bar, exactly as many as it has rows; each starts
    /// with a one-column gutter that holds a bar beside the selected comment.
    public var lines: [TextLine]
    /// For each line, the row (into `thread.rows`) of the comment it belongs to: its header
    /// and text lines; nil for guide lines between comments, drafts and empty space.
    public var rowAtLine: [Int?]
    /// For each line, the column (from the pane's left edge) of the fold marker "▾"/"▸"
    /// when the line is the header of a comment with replies.
    public var foldMarkerAtLine: [Int?]
    /// Comments with lines on screen: those whose header is, and the top one.
    public var shownComments: Int

    public init(
        top: Int, lines: [TextLine], rowAtLine: [Int?], foldMarkerAtLine: [Int?], shownComments: Int,
        lineOffset: Int = 0, selectedLinesBelow: Int = 0
    ) {
        self.top = top
        self.lineOffset = lineOffset
        self.selectedLinesBelow = selectedLinesBelow
        self.lines = lines
        self.rowAtLine = rowAtLine
        self.foldMarkerAtLine = foldMarkerAtLine
        self.shownComments = shownComments
    }

    /// The report that keeps `state` in step with this viewport; nil when it already is.
    public func reportAction(for state: ThreadState) -> Action? {
        guard top != state.scroll || shownComments != state.shownComments || lineOffset != state.lineOffset
            || selectedLinesBelow != state.selectedLinesBelow
        else { return nil }
        return .threadViewportChanged(
            top: top, shownComments: shownComments, lineOffset: lineOffset, selectedLinesBelow: selectedLinesBelow)
    }

    /// A press on a comment: its row, and whether it landed on the fold marker.
    public struct Hit: Equatable, Sendable {
        public var row: Int
        public var onFoldMarker: Bool
    }

    /// The comment under `line` (0 = first line below the title bar) and `column` (from the
    /// pane's left edge), if any. The runner sends `.selectThreadRow(hit.row)`, then
    /// `.command(.toggleCollapse)` when `onFoldMarker`.
    public func hit(line: Int, column: Int) -> Hit? {
        guard rowAtLine.indices.contains(line), let row = rowAtLine[line] else { return nil }
        return Hit(row: row, onFoldMarker: foldMarkerAtLine[line] == column)
    }

    /// The viewport of the thread pane in `layout`; empty when the pane is hidden.
    public static func compute(state: ThreadState, layout: ReaderLayout) -> ThreadViewport {
        guard let list = layout.threadList, list.height > 0, list.width > 0 else {
            return ThreadViewport(
                top: state.scroll, lines: [], rowAtLine: [], foldMarkerAtLine: [], shownComments: 0,
                lineOffset: state.lineOffset, selectedLinesBelow: state.selectedLinesBelow)
        }
        return compute(state: state, width: list.width, height: list.height)
    }

    /// The viewport for a pane area of `width` × `height` cells.
    public static func compute(state: ThreadState, width: Int, height: Int) -> ThreadViewport {
        compute(state: state, width: width, height: height, text: state.text(ofRow:))
    }

    /// The viewport, asking `text` for the text of each comment laid out.
    static func compute(state: ThreadState, width: Int, height: Int, text: (Int) -> RichText) -> ThreadViewport {
        withoutActuallyEscaping(text) { text in
            var blocks = ThreadBlocks(state: state, width: width, text: text)
            return viewport(state: state, height: max(0, height), blocks: &blocks)
        }
    }

    private static func viewport(state: ThreadState, height: Int, blocks: inout ThreadBlocks) -> ThreadViewport {
        guard !state.visibleRows.isEmpty else { return blocks.emptyViewport(height: height) }
        let selected = state.selectedVisibleIndex
        var top = max(0, min(state.scroll, state.visibleRows.count - 1))
        var offset = top == state.scroll ? max(0, state.lineOffset) : 0
        if selected == top {
            // Scroll no further than the selected comment's last line on the bottom row.
            offset = min(offset, max(0, blocks.block(top).own.count - height))
        } else {
            (top, offset) = blocks.normalized(top: top, offset: offset)
        }
        if !blocks.isVisible(selected, from: top, offset: offset, height: height) {
            if offset > 0, selected > top, let start = blocks.lineStart(of: selected, from: top, limit: offset + 2 * height) {
                // Reading a long comment line by line: keep scrolling by lines, just far
                // enough to bring the selected comment up, so the text above stays in view.
                offset = start + min(blocks.block(selected).own.count, height) - height
                (top, offset) = blocks.normalized(top: top, offset: offset)
            } else {
                top = selected < top ? selected : blocks.bottomAlignedTop(for: selected, height: height)
                offset = 0
            }
        }
        let shortBy = height - (blocks.linesToEnd(from: top, limit: height + offset) - offset)
        if shortBy > 0, offset > 0 {
            offset = max(0, offset - shortBy)
        }
        if offset == 0, top > 0, blocks.linesToEnd(from: top, limit: height) < height {
            top = min(top, blocks.bottomAlignedTop(for: state.visibleRows.count - 1, height: height, withTail: true))
        }
        return blocks.viewport(top: top, offset: offset, height: height, selected: selected)
    }
}
