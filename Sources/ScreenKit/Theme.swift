/// The colours and attributes of every style slot.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [StyleSlot: TextStyle]

    public init(name: String, styles: [StyleSlot: TextStyle]) {
        self.name = name
        self.styles = styles
    }

    /// The style for `slot`, falling back to `normal` for slots the theme leaves out.
    public func style(for slot: StyleSlot) -> TextStyle {
        styles[slot] ?? styles[.normal] ?? TextStyle()
    }
}
