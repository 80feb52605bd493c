import TextLayout

/// One screen line of styled text: runs in style slots, left to right.
///
/// Laid-out text (`TextLine`, in roles) becomes one of these when drawn; the panes' own
/// chrome (lists, bars, overlays) is built in slots directly.
public struct StyledLine: Equatable, Sendable {
    public var runs: [StyledRun]

    public init(_ runs: [StyledRun] = []) {
        self.runs = runs
    }

    /// A line of one run.
    public init(_ text: String, slot: StyleSlot = .normal) {
        self.runs = text.isEmpty ? [] : [StyledRun(text, slot: slot)]
    }

    public static let blank = StyledLine()

    /// The line's text without styles.
    public var text: String { runs.map(\.text).joined() }

    /// Columns the line occupies.
    public var width: Int { runs.reduce(0) { $0 + DisplayWidth.width(of: $1.text) } }

    /// This line with `prefix` runs in front.
    public func prefixed(by prefix: [StyledRun]) -> StyledLine {
        StyledLine(prefix + runs)
    }

    /// Appends `text` in `slot`, merging with the last run when it has the same style.
    public mutating func append(_ text: String, slot: StyleSlot) {
        guard !text.isEmpty else { return }
        if let last = runs.last, last.slot == slot {
            runs[runs.count - 1].text += text
        } else {
            runs.append(StyledRun(text, slot: slot))
        }
    }

    /// This line with every run's slot replaced where `transform` says so.
    public func mapSlots(_ transform: (StyleSlot) -> StyleSlot) -> StyledLine {
        StyledLine(runs.map { StyledRun($0.text, slot: transform($0.slot)) })
    }
}
