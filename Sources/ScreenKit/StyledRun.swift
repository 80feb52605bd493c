/// A stretch of text drawn in one style slot.
public struct StyledRun: Equatable, Sendable {
    public var text: String
    public var slot: StyleSlot

    public init(_ text: String, slot: StyleSlot = .normal) {
        self.text = text
        self.slot = slot
    }
}
