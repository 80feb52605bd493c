/// What of a grapheme cluster reaches the terminal.
///
/// ncurses keeps at most `maxScalarsPerCell` code points in a cell, a spacing character
/// first and only zero-width marks after it, and terminals disagree about everything
/// else (ZWJ sequences, flags, skin tones, variation selectors). So a cell holds the
/// cluster's base and the marks that fit, and never a scalar that draws nothing: such a
/// scalar would either be dropped by curses or, worse, make the terminal and the grid
/// disagree about where the next column is.
extension DisplayWidth {
    /// True for scalars that draw nothing and must never be sent to the terminal: the
    /// default-ignorable code points of Unicode, among them ZWJ (U+200D), ZWNJ (U+200C),
    /// ZERO WIDTH SPACE (U+200B), WORD JOINER (U+2060), U+FEFF, SOFT HYPHEN, variation
    /// selectors (U+FE00…U+FE0F, U+E0100…) and tag characters.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0xAD { return false }
        if value == 0xAD || (0x200B...0x200F).contains(value) || (0x2060...0x206F).contains(value)
            || (0xFE00...0xFE0F).contains(value) || value == 0xFEFF
        {
            return true
        }
        return scalar.properties.isDefaultIgnorableCodePoint
    }

    /// The text to store in a `Cell` for `cluster`: exactly what the terminal is to draw.
    ///
    /// That is the cluster's base (its first visible scalar) followed by its zero-width
    /// marks when ncurses can hold them all, else the base alone: a ZWJ family
    /// "👨‍👩‍👧" is stored as "👨", a flag as its first regional indicator, "❤️" as "❤".
    /// A mark with nothing to sit on is drawn on a space. A cluster with nothing visible
    /// gives "" (its width is 0, so the grid never stores it).
    public static func cellText(_ cluster: Character) -> String {
        let scalars = cluster.unicodeScalars
        if scalars.count == 1, let only = scalars.first, only.value < 0x80 { return String(cluster) }
        let visible = scalars.filter { !isInvisible($0) }
        guard let base = visible.first else { return "" }
        var out = String.UnicodeScalarView()
        if width(of: base) == 0 {
            out.append(" ")
            out.append(contentsOf: visible.filter { width(of: $0) == 0 }.prefix(maxScalarsPerCell - 1))
            return String(out)
        }
        out.append(base)
        let marks = visible.dropFirst()
        if marks.count < maxScalarsPerCell, marks.allSatisfy({ width(of: $0) == 0 }) {
            out.append(contentsOf: marks)
        }
        return String(out)
    }
}
