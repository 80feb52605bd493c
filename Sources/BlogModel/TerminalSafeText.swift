/// Makes text from a feed safe to put on a terminal.
///
/// Feeds are written by strangers: an ESC, a C1 control or a bidi override in a title must
/// never reach the terminal, where it could clear the screen, set the window title, write
/// the clipboard or reorder what the user reads. Each such scalar becomes a visible
/// stand-in instead of being dropped, so the user can see that something was there.
public enum TerminalSafeText {
    /// Returns `text` with every control, escape and bidi-control scalar replaced.
    ///
    /// Newlines survive only when `keepNewlines` is true (block layout decides line breaks);
    /// a tab becomes a space.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        guard mayNeedReplacement(text) else { return text }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines: out.append(scalar)
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x00...0x1F:
                // Control Pictures block: U+2400 + code shows "␛" for ESC and so on.
                out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
                out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether any scalar of `text` needs replacing, read from its UTF-8 bytes: every text of a
    /// feed passes here, and most hold none, so this must not decode scalars to find out.
    static func mayNeedReplacement(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F { return true }
                if byte >= 0xC2, index + 1 < bytes.count {
                    let second = bytes[index + 1]
                    switch byte {
                    case 0xC2 where second >= 0x80 && second <= 0x9F: return true  // C1 controls
                    case 0xD8 where second == 0x9C: return true  // U+061C
                    case 0xE2 where index + 2 < bytes.count:
                        let third = bytes[index + 2]
                        // U+200E, U+200F, U+202A…U+202E, U+2066…U+2069
                        if second == 0x80, third == 0x8E || third == 0x8F || (third >= 0xAA && third <= 0xAE) {
                            return true
                        }
                        if second == 0x81, third >= 0xA6 && third <= 0xA9 { return true }
                    default: break
                    }
                }
                index += 1
            }
            return false
        }
        return found ?? text.unicodeScalars.contains(where: needsReplacement)
    }

    /// True when `scalar` must not be written to a terminal as is.
    public static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
            return true
        default:
            return false
        }
    }
}
