import CNcursesw
import ScreenKit

/// Curses colour pairs, allocated the first time a (foreground, background) combination is drawn.
///
/// Curses draws colours only through numbered pairs; a theme uses a few dozen
/// combinations, so each gets its pair on first use. An empty table (no colour support)
/// hands out pair 0 and never calls a colour function.
struct ColorPairTable {
    let colorCount: Int
    let pairCount: Int
    let hasDefaultColors: Bool
    private var pairs: [PairKey: Int16] = [:]

    private struct PairKey: Hashable {
        let foreground: Int16
        let background: Int16
    }

    /// A table for a terminal without colours.
    init() {
        self.init(colorCount: 0, pairCount: 0, hasDefaultColors: false)
    }

    init(colorCount: Int, pairCount: Int, hasDefaultColors: Bool) {
        self.colorCount = colorCount
        self.pairCount = min(pairCount, Int(Int16.max))
        self.hasDefaultColors = hasDefaultColors
    }

    /// The pair number for these colours, creating the pair if needed; 0 when colours are off or pairs ran out.
    mutating func pair(foreground: TerminalColor, background: TerminalColor) -> Int16 {
        guard colorCount > 0, pairCount > 1 else { return 0 }
        let key = PairKey(
            foreground: cursesColor(foreground, isForeground: true),
            background: cursesColor(background, isForeground: false))
        if let existing = pairs[key] { return existing }
        if key.foreground == -1, key.background == -1 { return 0 }
        guard pairs.count + 1 < pairCount else { return 0 }
        let number = Int16(pairs.count + 1)
        guard init_pair(number, key.foreground, key.background) == OK else { return 0 }
        pairs[key] = number
        return number
    }

    /// The curses colour number for `color`, folded into the colours this terminal has.
    func cursesColor(_ color: TerminalColor, isForeground: Bool) -> Int16 {
        switch color {
        case .default:
            if hasDefaultColors { return -1 }
            return isForeground ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK)
        case .ansi(let number):
            let clamped = min(max(number, 0), 15)
            return Int16(colorCount >= 16 ? clamped : clamped % 8)
        case .indexed(let number):
            if colorCount >= 256 { return Int16(min(max(number, 0), 255)) }
            return Int16(AnsiColorApproximation.nearest(toIndexed: number, paletteSize: colorCount))
        }
    }
}
