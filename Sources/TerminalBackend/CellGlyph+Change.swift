import ScreenKit

extension CellGlyph {
    /// The glyphs that write `change` of `buffer`, by column: a cell, or a wide character
    /// over both its columns.
    ///
    /// The glyphs must cover exactly the change's columns, or curses and the terminal would
    /// disagree about every cell to its right. The grid measures with `wcwidth`'s own tables,
    /// so they agree; should a system's `wcwidth` differ, a glyph narrower than its cells
    /// gets a blank beside it and a wider one shows as "?".
    static func glyphs(for change: CellChange, of buffer: ScreenBuffer, visibleColumns: Int) -> [(Int, CellGlyph)] {
        let cell = buffer[change.row, change.column]
        // A continuation reaches here only without its wide character: a blank.
        var glyph = CellGlyph(cell.isContinuation ? " " : cell.text)
        var width = change.width
        if width == 2, change.column + 1 >= visibleColumns {
            // Half a wide character cannot be drawn; curses would wrap it to the next line.
            glyph = CellGlyph(" ")
            width = 1
        }
        if glyph.width > width { glyph = CellGlyph("?") }
        var glyphs = [(change.column, glyph)]
        if glyph.width < width { glyphs.append((change.column + 1, CellGlyph(" "))) }
        return glyphs
    }
}
