import BlogModel

/// Replaces terminal control characters in raw HTML with visible stand-ins before parsing.
///
/// libxml2 silently drops the C0 controls it considers invalid (ESC, BEL), which would hide
/// that a post tried to send an escape sequence; replacing them first keeps the evidence visible
/// ("␛[2J"). Tabs, newlines, carriage returns and form feeds stay: they are HTML whitespace.
enum HTMLControlCharacters {
    static func makeVisible(_ html: String) -> String {
        let raw = html.utf8.contains(where: mayStartControl) && html.unicodeScalars.contains(where: isControl)
        // libxml2 drops `&#27;` silently too: a reference to a control becomes its stand-in.
        let encoded = html.containsBytes("&#")
        guard raw || encoded else { return html }
        let scalars = Array(html.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "&", let (referenced, next) = controlReference(in: scalars, at: index) {
                result.append(contentsOf: TerminalSafeText.sanitize(String(referenced)).unicodeScalars)
                index = next
                continue
            }
            if isControl(scalar) {
                result.append(contentsOf: TerminalSafeText.sanitize(String(scalar)).unicodeScalars)
            } else {
                result.append(scalar)
            }
            index += 1
        }
        return String(result)
    }

    /// The control character a numeric reference such as `&#27;` or `&#x9b;` at `start`
    /// names, and the index after its `;`; nil for any other text.
    private static func controlReference(in scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        guard start + 3 < scalars.count, scalars[start + 1] == "#" else { return nil }
        var index = start + 2
        let hex = scalars[index] == "x" || scalars[index] == "X"
        if hex { index += 1 }
        var digits = ""
        while index < scalars.count, digits.count < 8, scalars[index].properties.isASCIIHexDigit {
            digits.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";", !digits.isEmpty,
            let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value),
            isControl(scalar)
        else { return nil }
        return (scalar, index + 1)
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
