/// A stretch of text drawn in one style slot, optionally the text of a numbered link.
public struct StyledRun: Equatable, Sendable {
    public var text: String
    public var slot: StyleSlot
    /// Index into the document's links when this run is (part of) a link.
    public var link: Int?

    public init(_ text: String, slot: StyleSlot = .normal, link: Int? = nil) {
        self.text = text
        self.slot = slot
        self.link = link
    }
}
