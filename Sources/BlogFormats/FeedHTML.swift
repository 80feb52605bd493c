/// Conversions between the plain text and HTML that feed text constructs carry.
enum FeedHTML {
    /// `text` with `&`, `<`, `>` and `"` escaped, safe inside elements and quoted attributes.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
            return text
        }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }

    /// Plain text as HTML: escaped, blank-line separated paragraphs in `<p>`, line breaks as `<br>`.
    static func paragraphs(fromText text: String) -> String {
        let normalized =
            text.utf8.contains(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        var blocks: [String] = []
        var current: [Substring] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { blocks.append(current.map { escape(String($0)) }.joined(separator: "<br>\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current.map { escape(String($0)) }.joined(separator: "<br>\n")) }
        return blocks.map { "<p>\($0)</p>" }.joined(separator: "\n")
    }

    /// The text of an HTML fragment (a title, a name): tags removed, entities decoded,
    /// whitespace collapsed — by the same converter as every other body of HTML.
    static func plainText(fromHTML html: String) -> String {
        if isAlreadyPlain(html) { return html }
        return HTMLConverter.plainText(fromHTML: HTMLControlCharacters.makeVisible(html))
    }

    /// True for the usual name or title: no markup, references, shortcodes, controls or
    /// bidi marks, and single spaces only — an export holds hundreds of thousands of them.
    private static func isAlreadyPlain(_ text: String) -> Bool {
        var previousWasSpace = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: "["), 0x00..<0x20, 0x7F:
                return false
            case UInt8(ascii: " "):
                if previousWasSpace { return false }
                previousWasSpace = true
                continue
            default:
                if HTMLControlCharacters.mayStartControl(byte) { return false }
            }
            previousWasSpace = false
        }
        return !previousWasSpace || text.isEmpty
    }

    /// Runs of whitespace as one space, trimmed.
    static func collapse(_ text: String) -> String {
        // Names and titles are mostly collapsed already: check their bytes before splitting.
        var previous = UInt8(ascii: " ")
        var alreadyCollapsed = true
        for byte in text.utf8 {
            let space = byte == UInt8(ascii: " ")
            // Non-ASCII white space (U+0085, U+00A0, U+1680, U+2000…U+3000) starts with one of
            // these UTF-8 lead bytes; accented letters and CJK do not.
            let mayBeSpace = byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3)
            if mayBeSpace || (byte < 0x20 && byte != 0) || (space && previous == UInt8(ascii: " ")) {
                alreadyCollapsed = false
                break
            }
            previous = byte
        }
        if alreadyCollapsed, previous != UInt8(ascii: " ") || text.isEmpty { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
