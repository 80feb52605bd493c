/// One screen cell: a grapheme cluster (already terminal-safe) and its style slot.
///
/// A wide character occupies its cell and a following continuation cell whose `text` is
/// empty; the backend draws the wide cell and skips the continuation. The grid never
/// holds half of one (see `ScreenBuffer.store`), and a cell never holds a scalar that
/// draws nothing (see `DisplayWidth.cellText`).
public struct Cell: Equatable, Sendable {
    public var text: String
    public var slot: StyleSlot

    public init(_ text: String = " ", slot: StyleSlot = .normal) {
        self.text = text
        self.slot = slot
    }

    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
}
