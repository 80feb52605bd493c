/// A stretch of laid-out text in one role, optionally the text of a numbered link.
public struct TextRun: Equatable, Sendable {
    public var text: String
    public var role: TextRole
    /// Index into the document's links when this run is (part of) a link.
    public var link: Int?

    public init(_ text: String, role: TextRole = .normal, link: Int? = nil) {
        self.text = text
        self.role = role
        self.link = link
    }
}
