/// A stretch of one row the terminal must write to show a new frame.
public struct CellChange: Equatable, Sendable {
    public var row: Int
    public var column: Int
    /// Columns written: 2 for a wide character and its continuation, else 1.
    public var width: Int

    public init(row: Int, column: Int, width: Int) {
        self.row = row
        self.column = column
        self.width = width
    }
}

extension ScreenBuffer {
    /// What to write, top to bottom and left to right, to turn `previous` (the frame on
    /// screen) into this frame: every cell when `previous` is nil or of another size.
    ///
    /// A wide character is written as one unit, both columns at once, and is written
    /// whenever either column changed, in this frame or in `previous`: a terminal that
    /// had half of a wide character overwritten (an overlay's border) or gets a narrow
    /// character over half of one (the overlay closing) must have both columns put right,
    /// or a stale half stays on screen.
    public func changes(since previous: ScreenBuffer?) -> [CellChange] {
        let previous = previous.flatMap { $0.columns == columns && $0.rows == rows ? $0 : nil }
        var result: [CellChange] = []
        var dirty = [Bool](repeating: true, count: columns)
        for row in 0..<rows {
            let start = row * columns
            if let previous {
                for column in 0..<columns {
                    dirty[column] = previous.cells[start + column] != cells[start + column]
                }
                Self.spread(&dirty, start: start, now: cells, before: previous.cells)
            }
            var column = 0
            while column < columns {
                guard dirty[column] else {
                    column += 1
                    continue
                }
                let width =
                    !cells[start + column].isContinuation && column + 1 < columns
                        && cells[start + column + 1].isContinuation ? 2 : 1
                result.append(CellChange(row: row, column: column, width: width))
                column += width
            }
        }
        return result
    }

    /// Marks both columns of every wide character, now or before, of which one column is
    /// marked; repeated because a wide character before may overlap two now.
    private static func spread(_ dirty: inout [Bool], start: Int, now: [Cell], before: [Cell]) {
        guard dirty.count > 1 else { return }
        var spreading = true
        while spreading {
            spreading = false
            for column in 0..<(dirty.count - 1) where dirty[column] != dirty[column + 1] {
                let next = start + column + 1
                if now[next].isContinuation || before[next].isContinuation {
                    dirty[column] = true
                    dirty[column + 1] = true
                    spreading = true
                }
            }
        }
    }
}
