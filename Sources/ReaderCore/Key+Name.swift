/// Key names as written in `config.toml` and shown by the help screen.
extension Key {
    private static let named: [(String, Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PageUp", .pageUp), ("PageDown", .pageDown), ("Home", .home), ("End", .end),
        ("Enter", .enter), ("Return", .enter), ("Tab", .tab), ("S-Tab", .backTab),
        ("BackTab", .backTab), ("Shift-Tab", .backTab), ("Esc", .escape), ("Escape", .escape),
        ("Space", .character(" ")), ("Backspace", .backspace), ("Delete", .delete),
    ]

    /// Parses a key name: one character ("j", "G", "/"), a named key ("PageDown", "S-Tab",
    /// "Space"), a function key ("F1"…"F12") or a control key ("C-x", "Ctrl-x"); nil if unknown.
    public init?(name: String) {
        if name.count == 1, let character = name.first, character != " " {
            guard !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else { return nil }
            self = .character(character)
            return
        }
        let lowered = name.lowercased()
        if let (_, key) = Self.named.first(where: { $0.0.lowercased() == lowered }) {
            self = key
            return
        }
        for prefix in ["c-", "ctrl-", "ctrl+", "^"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else {
                return nil
            }
            self = .control(letter)
            return
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...12).contains(number) {
            self = .function(number)
            return
        }
        return nil
    }

    /// The canonical name, parseable by `init(name:)`: "j", "Down", "S-Tab", "C-l", "F1".
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let letter): return "C-\(letter)"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PageUp"
        case .pageDown: return "PageDown"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .function(let number): return "F\(number)"
        }
    }

    /// How the help screen shows the key: "j", "↓", "Shift-Tab", "Ctrl-L".
    public var displayName: String {
        switch self {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .backTab: return "Shift-Tab"
        case .control(let letter): return "Ctrl-\(letter.uppercased())"
        default: return name
        }
    }
}
