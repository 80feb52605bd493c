import Foundation

/// Parsing theme colours and mapping them between 256, 16 and 8 colours.
public enum ThemeColor {
    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// A colour from a theme file: a name (`red`, `bright-red`, `default`), `colorN`, a
    /// number 0–255 or `#rrggbb` (mapped to the nearest colour of the 256-colour palette).
    public static func parse(_ text: String) -> TerminalColor? {
        let name = text.lowercased().trimmingCharacters(in: .whitespaces)
        if name == "default" || name == "none" { return .default }
        if let index = names.firstIndex(of: name) { return .ansi(index) }
        for prefix in ["bright-", "bright_", "bright"] where name.hasPrefix(prefix) {
            if let index = names.firstIndex(of: String(name.dropFirst(prefix.count))) {
                return .ansi(index + 8)
            }
        }
        if name == "gray" || name == "grey" { return .ansi(8) }
        if name.hasPrefix("color"), let number = Int(name.dropFirst(5)) { return self.number(number) }
        if let number = Int(name) { return self.number(number) }
        if name.hasPrefix("#"), name.count == 7, let value = Int(name.dropFirst(), radix: 16) {
            return .indexed(nearestIndex(red: value >> 16, green: (value >> 8) & 0xFF, blue: value & 0xFF))
        }
        return nil
    }

    /// A palette number: 0–15 are the ANSI colours, 16–255 the indexed ones.
    public static func number(_ value: Int) -> TerminalColor? {
        guard (0...255).contains(value) else { return nil }
        return value < 16 ? .ansi(value) : .indexed(value)
    }

    /// RGB of a 256-colour palette entry (xterm's values).
    public static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
        let ansi = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
            (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
            (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return ansi[max(0, index)] }
        if index >= 232 {
            let level = 8 + (index - 232) * 10
            return (level, level, level)
        }
        let cube = index - 16
        let step = { (value: Int) in value == 0 ? 0 : 55 + value * 40 }
        return (step(cube / 36), step((cube / 6) % 6), step(cube % 6))
    }

    /// The 256-colour index (16–255: cube or grey ramp) nearest to an RGB colour.
    public static func nearestIndex(red: Int, green: Int, blue: Int) -> Int {
        nearest(in: 16...255, red: red, green: green, blue: blue)
    }

    /// `color` with indexed and bright colours replaced by the nearest of the 8 ANSI colours,
    /// for terminals that have no more.
    public static func eightColor(_ color: TerminalColor) -> TerminalColor {
        switch color {
        case .default: return .default
        case .ansi(let index): return .ansi(index % 8)
        case .indexed(let index):
            let (red, green, blue) = rgb(ofIndex: index)
            return .ansi(nearest(in: 0...7, red: red, green: green, blue: blue))
        }
    }

    private static func nearest(in range: ClosedRange<Int>, red: Int, green: Int, blue: Int) -> Int {
        var best = range.lowerBound
        var bestDistance = Int.max
        for index in range {
            let (r, g, b) = rgb(ofIndex: index)
            let distance = (r - red) * (r - red) + (g - green) * (g - green) + (b - blue) * (b - blue)
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }
}
