import Foundation

/// Resolving the relative links inside HTML content against the `xml:base` in scope.
extension FeedHTML {
    /// `html` with every relative `href`/`src` attribute value resolved against `base`.
    ///
    /// A lexical pass over attribute syntax, not an HTML parser: good enough for the
    /// `<a href>` and `<img src>` that feed bodies carry, and a no-op when nothing is relative.
    static func resolvingLinks(in html: String, against base: URL?) -> String {
        guard let base, html.contains("href=") || html.contains("src=") || html.contains("HREF=")
            || html.contains("SRC=")
        else { return html }
        var output = ""
        var rest = html[...]
        while let match = nextLinkAttribute(in: rest) {
            output += rest[..<match.valueStart]
            let value = String(rest[match.valueStart..<match.valueEnd])
            let decoded = value.replacingOccurrences(of: "&amp;", with: "&")
            if FeedBaseURLs.hasScheme(decoded) || decoded.hasPrefix("#") || decoded.isEmpty {
                output += value
            } else {
                output += escape(FeedBaseURLs.resolve(decoded, against: base))
            }
            rest = rest[match.valueEnd...]
        }
        output += rest
        return output
    }

    /// The value range of the next quoted `href=`/`src=` attribute inside a tag.
    private static func nextLinkAttribute(in text: Substring) -> (valueStart: String.Index, valueEnd: String.Index)? {
        var searchStart = text.startIndex
        while let equals = text[searchStart...].firstIndex(of: "=") {
            searchStart = text.index(after: equals)
            let name = text[..<equals].suffix(5).lowercased()
            guard name.hasSuffix(" href") || name.hasSuffix("\nhref") || name.hasSuffix("\thref")
                || name.hasSuffix(" src") || name.hasSuffix("\nsrc") || name.hasSuffix("\tsrc")
            else { continue }
            guard searchStart < text.endIndex else { return nil }
            let quote = text[searchStart]
            guard quote == "\"" || quote == "'" else { continue }
            let valueStart = text.index(after: searchStart)
            guard let valueEnd = text[valueStart...].firstIndex(of: quote) else { return nil }
            return (valueStart, valueEnd)
        }
        return nil
    }
}
