/// A terminal colour: the default, one of the 8 ANSI colours (+8 for bright), or a 256-colour index.
public enum TerminalColor: Equatable, Sendable, Hashable {
    case `default`
    case ansi(Int)
    case indexed(Int)
}

/// Colours and attributes a theme assigns to one style slot.
public struct TextStyle: Equatable, Sendable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(
        foreground: TerminalColor = .default, background: TerminalColor = .default,
        bold: Bool = false, italic: Bool = false, underline: Bool = false, reverse: Bool = false,
        dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }
}
