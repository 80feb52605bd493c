/// The terminal's size in cells.
public struct ScreenSize: Equatable, Hashable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }

    /// The smallest size that shows all three panes at once.
    public static let minimumForAllPanes = ScreenSize(columns: 80, rows: 24)
}
