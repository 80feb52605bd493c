import Foundation

/// Turns the small HTML fragments the REST API renders into fields (titles, names) into text.
///
/// `title.rendered` is HTML: WordPress's texturizer writes `&#8217;` for an apostrophe and
/// themes may add `<em>`. Bodies stay HTML; only one-line fields go through here.
enum WordPressRESTText {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "hellip": "…", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’",
        "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "copy": "©", "reg": "®",
        "trade": "™", "times": "×", "eacute": "é", "egrave": "è", "agrave": "à",
        "ccedil": "ç", "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß",
    ]

    /// Drops tags, decodes character references, and trims the result.
    static func plain(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else {
            return html.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var out = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                index = html.index(after: close)
                continue
            }
            if character == "&", let semicolon = html[index...].prefix(12).firstIndex(of: ";"),
                let decoded = decode(html[html.index(after: index)..<semicolon])
            {
                out.append(decoded)
                index = html.index(after: semicolon)
                continue
            }
            out.append(character)
            index = html.index(after: index)
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// One reference without `&` and `;`: `amp`, `#8217`, `#x2019`.
    private static func decode(_ name: Substring) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(scalar)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(scalar) }
        return named[String(name)]
    }

    private static func scalar(_ value: UInt32) -> String? {
        guard value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return String(Character(scalar))
    }
}
