import Foundation

/// Resolving the relative links inside HTML content against the `xml:base` in scope.
extension FeedHTML {
    /// `html` with every relative `href`/`src` attribute value resolved against `base`.
    ///
    /// A lexical pass over attribute syntax, not an HTML parser: good enough for the
    /// `<a href>` and `<img src>` that feed bodies carry. Works on UTF-8 bytes and returns the
    /// input untouched when every link is already absolute, the common case.
    static func resolvingLinks(in html: String, against base: URL?) -> String {
        guard let base else { return html }
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        var copied = 0
        var index = 0
        while let (start, end) = nextLinkValue(in: bytes, from: index) {
            index = end
            var value = String(decoding: bytes[start..<end], as: UTF8.self)
            if bytes[start..<end].contains(UInt8(ascii: "&")) { value = value.replacingOccurrences(of: "&amp;", with: "&") }
            if value.isEmpty || value.hasPrefix("#") || FeedBaseURLs.hasScheme(value) { continue }
            if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
            output.append(contentsOf: bytes[copied..<start])
            output.append(contentsOf: escape(FeedBaseURLs.resolve(value, against: base)).utf8)
            copied = end
        }
        guard copied > 0 else { return html }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    /// The byte range of the next quoted `href=`/`src=` value (any case) from `from`.
    private static func nextLinkValue(in bytes: [UInt8], from: Int) -> (Int, Int)? {
        var index = from
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "=") else {
                index += 1
                continue
            }
            let equals = index
            index += 1
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'"),
                endsWithLinkName(bytes, before: equals)
            else { continue }
            let quote = bytes[index]
            let start = index + 1
            var end = start
            while end < bytes.count, bytes[end] != quote { end += 1 }
            guard end < bytes.count else { return nil }
            return (start, end)
        }
        return nil
    }

    /// True when the attribute name just before `equals` is ` href` or ` src`.
    private static func endsWithLinkName(_ bytes: [UInt8], before equals: Int) -> Bool {
        for name in ["href", "src"] {
            let count = name.utf8.count
            guard equals > count else { continue }
            let start = equals - count
            let matches = zip(bytes[start..<equals], name.utf8).allSatisfy { $0 | 0x20 == $1 }
            let space = bytes[start - 1]
            if matches, space == 0x20 || space == 0x0A || space == 0x09 || space == 0x0D { return true }
        }
        return false
    }
}
