/// A grid of cells: what one frame of the reader looks like, with no terminal attached.
///
/// Writing a cell keeps every wide character whole, as a terminal does (see
/// `ScreenBuffer+WideCells.swift`), so the grid never holds half of one: whatever is
/// drawn over part of a wide character, the grid says exactly what the screen shows.
public struct ScreenBuffer: Equatable, Sendable {
    public let columns: Int
    public let rows: Int
    public internal(set) var cells: [Cell]
    /// Where the terminal cursor should rest (row, column), if anywhere.
    public var cursor: (row: Int, column: Int)?

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.cells = Array(repeating: .blank, count: self.columns * self.rows)
    }

    /// The cell at `row`, `column`; writes outside the grid are ignored.
    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * columns + column] }
        set {
            guard row >= 0, row < rows, column >= 0, column < columns else { return }
            store(newValue, row: row, column: column)
        }
    }

    public static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool {
        lhs.columns == rhs.columns && lhs.rows == rhs.rows && lhs.cells == rhs.cells
    }
}
