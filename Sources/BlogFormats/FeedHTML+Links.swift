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
        bytes.withUnsafeBufferPointer { buffer in
            while let (start, end) = nextLinkValue(in: buffer, from: index) {
                index = end
                let raw = buffer[start..<end]
                // Absolute links and fragments, the common case, are left without making a string.
                if raw.isEmpty || raw.first == UInt8(ascii: "#") || hasScheme(raw) { continue }
                var value = String(decoding: raw, as: UTF8.self)
                if raw.contains(UInt8(ascii: "&")) { value = value.replacingOccurrences(of: "&amp;", with: "&") }
                if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: buffer[copied..<start])
                output.append(contentsOf: escape(FeedBaseURLs.resolve(value, against: base)).utf8)
                copied = end
            }
        }
        guard copied > 0 else { return html }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    /// `FeedBaseURLs.hasScheme` on bytes.
    private static func hasScheme(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: ":"): return offset > 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if offset == 0 { return false }
            default: return false
            }
        }
        return false
    }

    /// The byte range of the next quoted `href=`/`src=` value (any case) from `from`.
    private static func nextLinkValue(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> (Int, Int)? {
        guard let base = bytes.baseAddress else { return nil }
        var index = from
        while index < bytes.count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "=")), bytes.count - index) else { return nil }
            let equals = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            index = equals + 1
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

    /// True when the attribute name just before `equals` is ` href` or ` src` (any case).
    private static func endsWithLinkName(_ bytes: UnsafeBufferPointer<UInt8>, before equals: Int) -> Bool {
        func ends(with name: StaticString) -> Bool {
            let count = name.utf8CodeUnitCount
            guard equals > count else { return false }
            let start = equals - count
            for offset in 0..<count where bytes[start + offset] | 0x20 != name.utf8Start[offset] { return false }
            let space = bytes[start - 1]
            return space == 0x20 || space == 0x0A || space == 0x09 || space == 0x0D
        }
        return ends(with: "href") || ends(with: "src")
    }
}
