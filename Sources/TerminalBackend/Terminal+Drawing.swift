import CNcursesw
import ScreenKit

extension Terminal {
    /// Puts `buffer` on screen, writing only the cells that differ from the last frame
    /// (a wide character whole, when either of its columns changed: see `changes(since:)`).
    ///
    /// A new size, a new theme, a resize event, `invalidate()` or `suspend` make the next
    /// call repaint everything. Cells beyond the terminal's edges are clipped.
    public func draw(_ buffer: ScreenBuffer, theme: Theme) {
        guard isActive, let screen else { return }
        if theme != previousTheme {
            slotRenditions = [:]
            previousTheme = theme
            previousFrame = nil
        }
        var previous = previousFrame
        if previous?.columns != buffer.columns || previous?.rows != buffer.rows {
            previous = nil
        }
        if previous == nil {
            // Clear the physical screen too: after a resize or a child process we cannot
            // trust what curses believes is there.
            _ = werase(screen)
            _ = clearok(screen, true)
        }
        let (screenColumns, screenRows) = size
        let columns = min(buffer.columns, screenColumns)
        let rows = min(buffer.rows, screenRows)
        for change in buffer.changes(since: previous)
        where change.row < rows && change.column < columns {
            draw(change, of: buffer, visibleColumns: columns)
        }
        placeCursor(buffer.cursor, columns: columns, rows: rows)
        _ = wnoutrefresh(screen)
        _ = doupdate()
        previousFrame = buffer
    }

    /// Writes one change: a cell, or a wide character over both its columns.
    private func draw(_ change: CellChange, of buffer: ScreenBuffer, visibleColumns: Int) {
        let rendition = rendition(for: buffer[change.row, change.column].slot)
        for (column, glyph) in CellGlyph.glyphs(for: change, of: buffer, visibleColumns: visibleColumns) {
            put(glyph, row: change.row, column: column, rendition: rendition)
        }
    }

    private func put(_ glyph: CellGlyph, row: Int, column: Int, rendition: CellRendition) {
        var character = cchar_t()
        let text = glyph.scalars + [0]
        _ = setcchar(&character, text, rendition.attributes, rendition.pair, nil)
        // Writing the bottom-right cell reports an error although it draws: ignore it.
        _ = mvwadd_wch(screen, Int32(row), Int32(column), &character)
    }

    private func rendition(for slot: StyleSlot) -> CellRendition {
        if let known = slotRenditions[slot] { return known }
        let style = previousTheme?.style(for: slot) ?? TextStyle()
        var attributes = lectern_attr_normal()
        if style.bold { attributes |= lectern_attr_bold() }
        if style.dim { attributes |= lectern_attr_dim() }
        if style.italic { attributes |= lectern_attr_italic() }
        if style.underline { attributes |= lectern_attr_underline() }
        if style.reverse { attributes |= lectern_attr_reverse() }
        let pair = colorPairs.pair(foreground: style.foreground, background: style.background)
        let rendition = CellRendition(attributes: attributes, pair: pair)
        slotRenditions[slot] = rendition
        return rendition
    }

    private func placeCursor(_ cursor: (row: Int, column: Int)?, columns: Int, rows: Int) {
        if let cursor, cursor.row >= 0, cursor.row < rows, cursor.column >= 0,
            cursor.column < columns
        {
            _ = wmove(screen, Int32(cursor.row), Int32(cursor.column))
            if !cursorVisible {
                _ = curs_set(1)
                cursorVisible = true
            }
        } else if cursorVisible {
            _ = curs_set(0)
            cursorVisible = false
        }
    }
}
