import BlogModel

/// What the thread pane shows: which comment is at the top, how far it is scrolled, and
/// the lines.
///
/// A pure function of its `Input`: drawing starts `lineOffset` lines into the comment at
/// `top` when the selected comment (its header and as much of its text as fits, or, when
/// it is that top comment, some of its text) is then on screen; otherwise the top moves
/// just enough: the selected comment at the top when it is above, bottom-aligned when
/// below, drawn from its header. A selected top comment is never scrolled past the point
/// where its last line is on the bottom row, and a pane that would end short of its bottom
/// is pulled back to show more above. Only the comments that can be on screen are laid
/// out, so a 5,000-comment thread costs a screenful.
public struct ThreadViewport: Equatable, Sendable {
    /// Index into the input's `visibleRows` of the comment drawn first.
    public var top: Int
    /// Lines of the top comment scrolled off above the pane.
    public var lineOffset: Int
    /// Lines of the selected comment below the bottom of the pane; 0 when its end shows.
    public var selectedLinesBelow: Int
    /// The pane's lines, exactly as many as it has rows; each starts with a one-column
    /// gutter that holds a bar beside the selected comment.
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

    /// A press on a comment: its row, and whether it landed on the fold marker.
    public struct Hit: Equatable, Sendable {
        public var row: Int
        public var onFoldMarker: Bool

        public init(row: Int, onFoldMarker: Bool) {
            self.row = row
            self.onFoldMarker = onFoldMarker
        }
    }

    /// The comment under `line` (0 = the pane's first line) and `column` (from the pane's
    /// left edge), if any.
    public func hit(line: Int, column: Int) -> Hit? {
        guard rowAtLine.indices.contains(line), let row = rowAtLine[line] else { return nil }
        return Hit(row: row, onFoldMarker: foldMarkerAtLine[line] == column)
    }

    /// The viewport of `input` in a pane of `width` × `height` cells.
    public static func compute(_ input: Input, width: Int, height: Int) -> ThreadViewport {
        guard !input.note.isEmpty, height > 1 else { return computeComments(input, width: width, height: height) }
        // The note takes the pane's first row; the comments scroll in the rows below it.
        var view = computeComments(input, width: width, height: height - 1)
        let note = DisplayWidth.truncate(TerminalSafeText.sanitize(input.note), to: max(0, width - 1))
        view.lines.insert(TextLine(" " + note, role: .articleMeta), at: 0)
        view.rowAtLine.insert(nil, at: 0)
        view.foldMarkerAtLine.insert(nil, at: 0)
        return view
    }

    /// The comments' part of the viewport, in `height` rows.
    private static func computeComments(_ input: Input, width: Int, height: Int) -> ThreadViewport {
        var blocks = ThreadBlocks(input, width: width)
        let height = max(0, height)
        guard !input.visibleRows.isEmpty else { return blocks.emptyViewport(height: height) }
        let selected = input.selectedVisibleIndex
        var top = max(0, min(input.top, input.visibleRows.count - 1))
        var offset = top == input.top ? max(0, input.lineOffset) : 0
        if selected == top {
            // Scroll no further than the selected comment's last line on the bottom row.
            offset = min(offset, max(0, blocks.block(top).own.count - height))
        } else {
            (top, offset) = blocks.normalized(top: top, offset: offset)
        }
        if !blocks.isVisible(selected, from: top, offset: offset, height: height) {
            if offset > 0, selected > top,
                let start = blocks.lineStart(of: selected, from: top, limit: offset + 2 * height)
            {
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
            top = min(top, blocks.bottomAlignedTop(for: input.visibleRows.count - 1, height: height, withTail: true))
        }
        return blocks.viewport(top: top, offset: offset, height: height, selected: selected)
    }
}
