/// The start of a document before its root element: where the XML declaration names the
/// encoding, and what real files put in front of it that a strict parser refuses.
enum XMLInputProlog {
    /// How far into a document the declaration's encoding is looked for.
    static let searchLimit = 1024

    /// The `encoding` pseudo-attribute of the XML declaration, read from ASCII-compatible bytes.
    static func declaredEncoding(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let limit = min(bytes.count, searchLimit)
        guard let start = find("<?xml", in: bytes, from: 0, to: limit),
            start + 5 < limit, isSpace(bytes[start + 5]),
            let end = find("?>", in: bytes, from: start, to: limit),
            var cursor = find("encoding", in: bytes, from: start, to: end)
        else { return nil }
        cursor += 8
        while cursor < end, isSpace(bytes[cursor]) { cursor += 1 }
        guard cursor < end, bytes[cursor] == UInt8(ascii: "=") else { return nil }
        cursor += 1
        while cursor < end, isSpace(bytes[cursor]) { cursor += 1 }
        guard cursor < end, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") else {
            return nil
        }
        let quote = bytes[cursor]
        let valueStart = cursor + 1
        var valueEnd = valueStart
        while valueEnd < end, bytes[valueEnd] != quote { valueEnd += 1 }
        guard valueEnd < end, valueEnd > valueStart else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
    }

    /// Blanks what keeps a strict parser from reading the start of a real file: text before the
    /// first `<`, and an XML declaration that is not the very first thing (after white space or
    /// a comment). Overwritten with spaces, newlines kept, so error lines and columns still
    /// point into the file as it is.
    static func blankMisplacedStart(in bytes: UnsafeMutableBufferPointer<UInt8>) {
        guard let firstTag = bytes.firstIndex(of: UInt8(ascii: "<")) else { return }
        for index in 0..<firstTag where !isSpace(bytes[index]) { bytes[index] = UInt8(ascii: " ") }
        var cursor = firstTag
        while cursor + 4 <= bytes.count, bytes[cursor + 1] == UInt8(ascii: "!"), bytes[cursor + 2] == UInt8(ascii: "-"),
            bytes[cursor + 3] == UInt8(ascii: "-"),
            let close = find("-->", in: UnsafeBufferPointer(bytes), from: cursor + 4, to: bytes.count)
        {
            cursor = close + 3
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "<") else { return }
        }
        guard cursor > 0, cursor + 6 <= bytes.count,
            find("<?xml", in: UnsafeBufferPointer(bytes), from: cursor, to: cursor + 5) == cursor,
            isSpace(bytes[cursor + 5]),
            let end = find("?>", in: UnsafeBufferPointer(bytes), from: cursor, to: bytes.count)
        else { return }
        for index in cursor..<(end + 2) where bytes[index] != 0x0A && bytes[index] != 0x0D {
            bytes[index] = UInt8(ascii: " ")
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The offset of `needle` in `bytes[from..<to]`.
    static func find(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard to - from >= count else { return nil }
        var index = from
        while index + count <= to {
            var matched = true
            for offset in 0..<count where bytes[index + offset] != needle.utf8Start[offset] {
                matched = false
                break
            }
            if matched { return index }
            index += 1
        }
        return nil
    }
}
