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
        var source = html
        return source.withUTF8 { bytes in
            // Copies untouched runs of bytes whole: a body of many megabytes with an ordinary
            // `&#8212;` in it must not be rebuilt scalar by scalar.
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var copied = 0
            var index = 0
            func replace(upTo end: Int, with scalar: Unicode.Scalar) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                output.append(contentsOf: TerminalSafeText.sanitize(String(scalar)).utf8)
                index = end
                copied = end
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "&"), let (referenced, next) = controlReference(in: bytes, at: index) {
                    replace(upTo: next, with: referenced)
                } else if mayStartControl(byte), let (scalar, length) = scalar(in: bytes, at: index), isControl(scalar)
                {
                    replace(upTo: index + length, with: scalar)
                } else {
                    // The bytes `mayStartControl` and `&` look for never occur inside a UTF-8
                    // sequence, so stepping byte by byte cannot land mid-character on them.
                    index += 1
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The scalar whose UTF-8 starts at `start` (valid UTF-8, as a String's), and its length.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[start]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard start + length <= bytes.count else { return nil }
        var value = UInt32(lead)
        if length > 1 {
            value &= 0xFF >> (length + 1)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[start + offset] & 0x3F) }
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// The control character a numeric reference such as `&#27;` or `&#x9b;` at `start`
    /// names, and the index after its `;`; nil for any other text.
    private static func controlReference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)?
    {
        guard start + 3 < bytes.count, bytes[start + 1] == UInt8(ascii: "#") else { return nil }
        var index = start + 2
        let hex = bytes[index] | 0x20 == UInt8(ascii: "x")
        if hex { index += 1 }
        var value: UInt32 = 0
        var digits = 0
        while index < bytes.count, digits < 8, let digit = digitValue(bytes[index], hex: hex) {
            value = value * (hex ? 16 : 10) + digit
            digits += 1
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ";"), digits > 0,
            let scalar = Unicode.Scalar(value), isControl(scalar)
        else { return nil }
        return (scalar, index + 1)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
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
