/// One screen line of laid-out text: runs of styled text, left to right.
public struct StyledLine: Equatable, Sendable {
    public var runs: [StyledRun]

    public init(_ runs: [StyledRun] = []) {
        self.runs = runs
    }

    /// A line of one run.
    public init(_ text: String, slot: StyleSlot = .normal, link: Int? = nil) {
        self.runs = text.isEmpty ? [] : [StyledRun(text, slot: slot, link: link)]
    }

    public static let blank = StyledLine()

    /// The line's text without styles.
    public var text: String { runs.map(\.text).joined() }

    /// Columns the line occupies.
    public var width: Int { runs.reduce(0) { $0 + DisplayWidth.width(of: $1.text) } }

    public var isBlank: Bool { runs.allSatisfy { $0.text.allSatisfy { $0 == " " } } }

    /// This line with `prefix` runs in front.
    public func prefixed(by prefix: [StyledRun]) -> StyledLine {
        StyledLine(prefix + runs)
    }

    /// Appends `text` in `slot`, merging with the last run when it has the same style.
    public mutating func append(_ text: String, slot: StyleSlot, link: Int? = nil) {
        guard !text.isEmpty else { return }
        if let last = runs.last, last.slot == slot, last.link == link {
            runs[runs.count - 1].text += text
        } else {
            runs.append(StyledRun(text, slot: slot, link: link))
        }
    }

    /// This line with every run's slot replaced where `transform` says so.
    public func mapSlots(_ transform: (StyleSlot) -> StyleSlot) -> StyledLine {
        StyledLine(runs.map { StyledRun($0.text, slot: transform($0.slot), link: $0.link) })
    }
}
