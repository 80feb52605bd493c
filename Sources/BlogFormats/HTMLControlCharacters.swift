import BlogModel

/// Replaces terminal control characters in raw HTML with visible stand-ins before parsing.
///
/// libxml2 silently drops the C0 controls it considers invalid (ESC, BEL), which would hide
/// that a post tried to send an escape sequence; replacing them first keeps the evidence visible
/// ("␛[2J"). Tabs, newlines, carriage returns and form feeds stay: they are HTML whitespace.
enum HTMLControlCharacters {
    static func makeVisible(_ html: String) -> String {
        guard html.utf8.contains(where: mayStartControl) else { return html }
        guard html.unicodeScalars.contains(where: isControl) else { return html }
        var result = String.UnicodeScalarView()
        for scalar in html.unicodeScalars {
            if isControl(scalar) {
                result.append(contentsOf: TerminalSafeText.sanitize(String(scalar)).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\r", "\u{0C}": return false
        default: return TerminalSafeText.needsReplacement(scalar)
        }
    }

    /// A cheap byte test that is true for the first byte of every scalar `isControl` accepts
    /// (C0 and DEL, C1 via 0xC2, ALM via 0xD8, the bidi controls via 0xE2).
    static func mayStartControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C)
            || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }
}
