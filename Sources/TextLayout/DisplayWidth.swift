/// Terminal column widths of grapheme clusters and strings, as ncurses will measure them.
///
/// Single scalars follow glibc's `wcwidth` (the tables are generated from it). A cluster
/// takes the width of its base scalar, except that emoji made wide by a variation selector
/// (U+FE0F) and regional-indicator flags take two columns, as terminals draw them.
/// Invisible scalars (ZWJ, U+200B, U+FEFF, variation selectors; see `isInvisible`) are
/// never drawn, so a cluster of nothing else takes no column at all.
public enum DisplayWidth {
    /// The most code points ncurses keeps in one cell.
    public static let maxScalarsPerCell = 5

    /// Columns `scalar` occupies on its own: 0, 1 or 2.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 || (value >= 0x7F && value < 0xA0) ? 0 : 1 }
        if contains(DisplayWidthTables.doubleWidth, value) { return 2 }
        if contains(DisplayWidthTables.zeroWidth, value) { return 0 }
        return 1
    }

    /// Columns the grapheme cluster `cluster` occupies.
    ///
    /// The base is the cluster's first visible scalar. A cluster whose base is a
    /// zero-width scalar (an orphaned combining mark) counts as one column, because
    /// `cellText` draws it on a space; a cluster of invisible scalars only (a lone U+FEFF
    /// or U+200B) counts as none, because nothing of it is drawn.
    public static func width(of cluster: Character) -> Int {
        if let ascii = cluster.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        let scalars = cluster.unicodeScalars
        guard let base = scalars.first(where: { !isInvisible($0) }) else { return 0 }
        let baseWidth = width(of: base)
        if baseWidth == 0 { return 1 }
        if baseWidth == 2 || scalars.count == 1 { return baseWidth }
        if isRegionalIndicator(base) { return 2 }
        if scalars.contains("\u{FE0F}"), base.properties.isEmoji { return 2 }
        return baseWidth
    }

    /// Columns `text` occupies, measured cluster by cluster; "\n" counts as nothing.
    public static func width(of text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for cluster in text { total += width(of: cluster) }
        return total
    }

    /// The longest prefix of `text` that fits in `columns`, and its width.
    public static func prefix(of text: String, fitting columns: Int) -> (text: String, width: Int) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            let count = min(columns, text.utf8.count)
            return (String(text.utf8.prefix(max(0, count)))!, max(0, count))
        }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let clusterWidth = width(of: text[index])
            if used + clusterWidth > columns { break }
            used += clusterWidth
            end = text.index(after: index)
        }
        return (String(text[..<end]), used)
    }

    /// `text` cut to `columns`, ending with "…" when anything was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(of: text) <= columns { return text }
        return prefix(of: text, fitting: columns - 1).text + "…"
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    private static func contains(_ table: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if value < table[mid].lowerBound {
                high = mid - 1
            } else if value > table[mid].upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
