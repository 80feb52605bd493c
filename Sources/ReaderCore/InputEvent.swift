/// Everything the terminal can tell the reader.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case resize(columns: Int, rows: Int)
    case mouse(MouseEvent)
}

/// A mouse action at a screen cell (0-based column and row).
public struct MouseEvent: Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case press
        case wheelUp
        case wheelDown
    }

    public var action: Action
    public var column: Int
    public var row: Int

    public init(action: Action, column: Int, row: Int) {
        self.action = action
        self.column = column
        self.row = row
    }
}
