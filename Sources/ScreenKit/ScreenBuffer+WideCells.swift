import TextLayout

/// Wide characters stay whole in the grid, whatever is drawn over them.
///
/// A terminal cannot show half of a wide character: writing over either column blanks
/// the other. The grid does the same, so that an overlay border cutting through "文"
/// leaves a space beside it in the frame, exactly as on screen, and closing the overlay
/// is a change of both columns that the diff redraws. Without this the grid would still
/// hold "文" beside the border while the screen showed a space, and the next frame,
/// finding "文" unchanged, would never draw it again.
extension ScreenBuffer {
    /// Writes `newCell` at `row`, `column` (inside the grid), keeping wide characters whole:
    ///
    /// - a wide character claims the next column as its continuation, and becomes a space
    ///   in the last column, where only half of it would fit;
    /// - a continuation with no wide character before it is a space;
    /// - a cell written over one half of a wide character turns the other half into a
    ///   space in the same style.
    mutating func store(_ newCell: Cell, row: Int, column: Int) {
        let index = row * columns + column
        var cell = newCell
        if cell.isContinuation, !(column > 0 && Self.isWide(cells[index - 1])) {
            cell.text = " "
        }
        var wide = Self.isWide(cell)
        if wide, column + 1 >= columns {
            cell.text = " "
            wide = false
        }
        if cells[index].isContinuation, !cell.isContinuation, column > 0 {
            // The wide character to the left loses its right half.
            cells[index - 1].text = " "
        }
        cells[index] = cell
        guard column + 1 < columns else { return }
        let next = index + 1
        if wide {
            if !cells[next].isContinuation, column + 2 < columns, cells[next + 1].isContinuation {
                // The wide character starting in the next column loses its left half.
                cells[next + 1].text = " "
            }
            cells[next] = Cell("", slot: cell.slot)
        } else if cells[next].isContinuation {
            // The wide character that was here loses its right half.
            cells[next].text = " "
        }
    }

    /// True when `cell` holds a character two columns wide.
    static func isWide(_ cell: Cell) -> Bool {
        !cell.isContinuation && DisplayWidth.width(of: cell.text) == 2
    }
}
