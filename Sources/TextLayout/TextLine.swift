/// One line of laid-out text: runs left to right, as wide as the layout allowed.
public struct TextLine: Equatable, Sendable {
    public var runs: [TextRun]

    public init(_ runs: [TextRun] = []) {
        self.runs = runs
    }

    /// A line of one run.
    public init(_ text: String, role: TextRole = .normal, link: Int? = nil) {
        self.runs = text.isEmpty ? [] : [TextRun(text, role: role, link: link)]
    }

    public static let blank = TextLine()

    /// The line's text without roles.
    public var text: String { runs.map(\.text).joined() }

    /// Columns the line occupies.
    public var width: Int { runs.reduce(0) { $0 + DisplayWidth.width(of: $1.text) } }

    /// This line with `prefix` runs in front.
    public func prefixed(by prefix: [TextRun]) -> TextLine {
        TextLine(prefix + runs)
    }

    /// Appends `text` in `role`, merging with the last run when it has the same role and link.
    public mutating func append(_ text: String, role: TextRole, link: Int? = nil) {
        guard !text.isEmpty else { return }
        if let last = runs.last, last.role == role, last.link == link {
            runs[runs.count - 1].text += text
        } else {
            runs.append(TextRun(text, role: role, link: link))
        }
    }

    /// This line with every run in `role`.
    public func with(role: TextRole) -> TextLine {
        TextLine(runs.map { TextRun($0.text, role: role, link: $0.link) })
    }
}
