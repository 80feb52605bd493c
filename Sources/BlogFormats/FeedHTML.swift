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
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
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

    /// The text of an HTML fragment: tags removed, entities decoded, whitespace collapsed.
    static func plainText(fromHTML html: String) -> String {
        guard html.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C }) else { return collapse(html) }
        var output = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let end = tagEnd(in: html, from: index) {
                output.append(" ")
                index = html.index(after: end)
            } else if character == "&", let (decoded, next) = entity(in: html, at: index) {
                output += decoded
                index = next
            } else {
                output.append(character)
                index = html.index(after: index)
            }
        }
        return collapse(output)
    }

    /// Runs of whitespace as one space, trimmed.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The `>` closing a tag that opens at `start`, when `<` really opens a tag.
    private static func tagEnd(in html: String, from start: String.Index) -> String.Index? {
        let next = html.index(after: start)
        guard next < html.endIndex else { return nil }
        let first = html[next]
        guard first.isLetter || first == "/" || first == "!" || first == "?" else { return nil }
        return html[next...].firstIndex(of: ">")
    }

    /// Decodes the character reference at `start` (`&amp;`, `&#8217;`, `&#x2014;`, `&nbsp;`).
    static func entity(in text: String, at start: String.Index) -> (String, String.Index)? {
        let nameStart = text.index(after: start)
        guard let semicolon = text[nameStart...].prefix(12).firstIndex(of: ";") else { return nil }
        let name = text[nameStart..<semicolon]
        let next = text.index(after: semicolon)
        if name.first == "#" {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits)
            }
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), next)
        }
        if name == "apos" { return ("'", next) }
        guard let character = HTMLEntities.character(named: String(name)) else { return nil }
        return (character, next)
    }
}
