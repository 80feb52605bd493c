/// A rendered document: blocks of styled spans, with links numbered in reading order.
///
/// The article pane and `lectern show` both lay this out; HTML never reaches them.
public struct RichText: Equatable, Sendable {
    public var blocks: [RichBlock]
    /// Link targets; a span's `link` is an index into this array, shown to the user as index + 1.
    public var links: [String]

    public init(blocks: [RichBlock] = [], links: [String] = []) {
        self.blocks = blocks
        self.links = links
    }
}

public indirect enum RichBlock: Equatable, Sendable {
    case paragraph([RichSpan])
    case heading(level: Int, [RichSpan])
    /// Items are themselves block sequences so that lists can nest.
    case list(ordered: Bool, items: [[RichBlock]])
    case quote([RichBlock])
    /// Kept exactly as written: never wrapped or reflowed.
    case preformatted(String)
    case rule
}

public struct RichSpan: Equatable, Sendable {
    public struct Style: OptionSet, Equatable, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Style(rawValue: 1)
        public static let italic = Style(rawValue: 2)
        public static let code = Style(rawValue: 4)
        public static let link = Style(rawValue: 8)
        public static let image = Style(rawValue: 16)
    }

    public var text: String
    public var style: Style
    /// Index into `RichText.links` for a link span (or the `[n]` marker that follows it).
    public var link: Int?

    public init(_ text: String, style: Style = [], link: Int? = nil) {
        self.text = text
        self.style = style
        self.link = link
    }
}
