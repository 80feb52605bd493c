import ScreenKit
import TextLayout

/// A screen that behaves like a terminal when cells are written to it, to check the
/// frame diff without curses: a wide character covers two columns, and writing over
/// either half of one blanks the other half, as xterm, tmux and curses all do.
struct FakeTerminalScreen {
    /// Per row, per column: the text shown there, "" for the right half of a wide character.
    private(set) var cells: [[String]]

    init(columns: Int, rows: Int) {
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    /// Applies what a backend writes for `frame`: each change's cell, and a blank beside
    /// a glyph narrower than its change (as `Terminal.draw` does).
    mutating func show(_ frame: ScreenBuffer, changes: [CellChange]) {
        for change in changes {
            let cell = frame[change.row, change.column]
            let text = cell.isContinuation ? " " : cell.text
            let width = DisplayWidth.width(of: text)
            write(text, width: width, row: change.row, column: change.column)
            if width < change.width { write(" ", width: 1, row: change.row, column: change.column + 1) }
        }
    }

    /// Shows `frame` after `previous` the way the backend would: only what changed.
    mutating func show(_ frame: ScreenBuffer, after previous: ScreenBuffer?) {
        show(frame, changes: frame.changes(since: previous))
    }

    /// The rows as text, each wide character once.
    var lines: [String] {
        cells.map { $0.joined() }
    }

    private mutating func write(_ text: String, width: Int, row: Int, column: Int) {
        let last = column + width - 1
        guard row < cells.count, last < cells[row].count else { return }
        if cells[row][column] == "", column > 0 { cells[row][column - 1] = " " }
        if last + 1 < cells[row].count, cells[row][last + 1] == "" { cells[row][last + 1] = " " }
        cells[row][column] = text
        if width == 2 { cells[row][column + 1] = "" }
    }
}

/// The rows of `buffer` as text, each wide character once (continuations skipped).
func screenLines(_ buffer: ScreenBuffer) -> [String] {
    (0..<buffer.rows).map { row in
        (0..<buffer.columns).map { buffer[row, $0] }.filter { !$0.isContinuation }.map(\.text).joined()
    }
}

/// Fails unless every continuation cell of `buffer` follows a wide character.
func wideCharactersAreWhole(_ buffer: ScreenBuffer) -> [String] {
    var problems: [String] = []
    for row in 0..<buffer.rows {
        for column in 0..<buffer.columns where buffer[row, column].isContinuation {
            let lead = column > 0 ? buffer[row, column - 1] : nil
            if lead == nil || lead!.isContinuation || DisplayWidth.width(of: lead!.text) != 2 {
                problems.append("half a wide character at row \(row), column \(column)")
            }
        }
        for column in 0..<buffer.columns where !buffer[row, column].isContinuation {
            if DisplayWidth.width(of: buffer[row, column].text) == 2,
                column + 1 >= buffer.columns || !buffer[row, column + 1].isContinuation
            {
                problems.append("wide character without its second column at row \(row), column \(column)")
            }
        }
    }
    return problems
}
