import CNcursesw
import ScreenKit

extension Terminal {
    /// Puts `buffer` on screen, writing only the cells that differ from the last frame.
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
        for row in 0..<max(0, rows) {
            for column in 0..<max(0, columns) {
                let cell = buffer[row, column]
                if let previous, previous[row, column] == cell { continue }
                drawCell(cell, row: row, column: column, in: buffer, visibleColumns: columns)
            }
        }
        placeCursor(buffer.cursor, columns: columns, rows: rows)
        _ = wnoutrefresh(screen)
        _ = doupdate()
        previousFrame = buffer
    }

    private func drawCell(
        _ cell: Cell, row: Int, column: Int, in buffer: ScreenBuffer, visibleColumns: Int
    ) {
        var glyph: CellGlyph
        if cell.isContinuation {
            // The wide character to the left already covers this cell; a stray
            // continuation (no wide character before it) shows as a blank.
            if column > 0, CellGlyph.width(of: buffer[row, column - 1].text) == 2 { return }
            glyph = CellGlyph(" ")
        } else {
            glyph = CellGlyph(cell.text)
        }
        if glyph.width == 2, column + 1 >= visibleColumns {
            // Half a wide character cannot be drawn; curses would wrap it to the next line.
            glyph = CellGlyph(" ")
        }
        let rendition = rendition(for: cell.slot)
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
