import BlogSync
import Foundation

/// Comment text reduced to what a person would read, to tell whether two comments say the same.
///
/// WordPress stores a submitted comment as HTML: paragraphs, `<br>`, entities, and curly
/// quotes from `wptexturize`. Comparing a draft with a synced comment therefore goes
/// through plain text with quotes, dashes and whitespace folded.
enum OutboxCommentText {
    /// Tags removed (block ends become spaces), entities decoded.
    static func plain(fromHTML html: String) -> String {
        var out = ""
        var tag = ""
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" {
                    inTag = false
                    let name = tag.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
                    if ["p", "br", "div", "li", "blockquote"].contains(where: { name.hasPrefix($0) }) {
                        out += " "
                    }
                } else {
                    tag.append(character)
                }
            } else if character == "<" {
                inTag = true
                tag = ""
            } else {
                out.append(character)
            }
        }
        return collapseWhitespace(decodeEntities(out))
    }

    /// Plain text as WordPress shows a submitted comment: escaped, a paragraph per blank-line
    /// block, `<br>` for the other line breaks.
    static func html(fromPlain text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        let lines = escaped.split(separator: "\n", omittingEmptySubsequences: false)
        var paragraphs: [[Substring]] = [[]]
        for line in lines {
            if line.allSatisfy(\.isWhitespace) {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(line)
            }
        }
        return paragraphs.filter { !$0.isEmpty }
            .map { "<p>" + $0.joined(separator: "<br />\n") + "</p>" }.joined(separator: "\n")
    }

    /// The form used for comparison: plain text, typographic punctuation folded, whitespace collapsed.
    static func comparable(_ text: String) -> String {
        let folded: [Character: String] = [
            "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{2032}": "'",
            "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{2033}": "\"",
            "\u{2013}": "-", "\u{2014}": "-", "\u{2026}": "...", "\u{00D7}": "x", "\u{00A0}": " ",
        ]
        var out = ""
        for character in plain(fromHTML: text) {
            if let replacement = folded[character] { out += replacement } else { out.append(character) }
        }
        return collapseWhitespace(out)
    }

    static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
            "laquo": "«", "raquo": "»", "hellip": "…", "ndash": "–", "mdash": "—",
            "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        ]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = String(after[..<semicolon])
            var decoded: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                decoded = named[name]
            }
            if let decoded {
                out += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        out += rest
        return out
    }
}
