/// The plain text of tidy HTML, read without libxml2, or nil for markup it does not read.
///
/// A first sync converts every post body to plain text for search, and libxml2's HTML
/// parser (a context, a name dictionary, callbacks per node) cost more than parsing the
/// feeds themselves. Most bodies are tidy: known tags, properly nested and closed, quoted
/// attributes, `&name;` and `&#n;` references. For those the text libxml2 reports is plain
/// to see: the character data outside tags, with a boundary at every tag of a block
/// element. Whatever else libxml2 would repair or reinterpret (stray or misnested end
/// tags, unknown or hidden elements, `<!DOCTYPE`, CDATA, bare `&` or `<`, control
/// characters) returns nil, and the caller asks libxml2.
enum HTMLPlainTextScanner {
    /// Deepest nesting read here; deeper markup goes to libxml2, which guards against it.
    static let maximumDepth = 64

    static func text(ofMarkup html: String) -> String? {
        var source = html
        return source.withUTF8 { bytes -> String? in
            let collector = HTMLPlainTextCollector()
            guard scan(bytes, into: collector) else { return nil }
            return collector.text
        }
    }

    /// Feeds `bytes` to `collector`; false as soon as libxml2 might read them otherwise.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into collector: HTMLPlainTextCollector) -> Bool {
        var open: [Tag] = []
        var index = 0
        var textStart = 0
        let count = bytes.count
        func flushText(upTo end: Int) {
            if end > textStart { collector.characters(UnsafeBufferPointer(rebasing: bytes[textStart..<end])) }
        }
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"):
                flushText(upTo: index)
                guard let end = readTag(bytes, at: index, open: &open, collector: collector) else { return false }
                index = end
                textStart = end
            case UInt8(ascii: "&"):
                flushText(upTo: index)
                guard let (scalar, end) = readReference(bytes, at: index) else { return false }
                var encoded: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
                withUnsafeMutableBytes(of: &encoded) { buffer in
                    var length = 0
                    for unit in UTF8.encode(scalar)! {
                        buffer[length] = unit
                        length += 1
                    }
                    let units = buffer.bindMemory(to: UInt8.self)
                    collector.characters(UnsafeBufferPointer(rebasing: units[0..<length]))
                }
                index = end
                textStart = end
            case 0x09, 0x0A, 0x0D:
                index += 1
            case 0x00..<0x20:
                return false  // libxml2 reports these as errors and drops them
            case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                return false  // U+FFFE and U+FFFF, not characters to libxml2
            default:
                index += 1
            }
        }
        flushText(upTo: count)
        return true
    }

    /// Reads the tag, comment or end tag at `start` (a `<`); returns the index after it, or
    /// nil when libxml2 might read it otherwise.
    private static func readTag(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, open: inout [Tag],
        collector: HTMLPlainTextCollector
    ) -> Int? {
        let count = bytes.count
        var index = start + 1
        guard index < count else { return nil }
        if bytes[index] == UInt8(ascii: "!") { return skipComment(bytes, at: start) }
        let closing = bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        guard let (name, afterName) = readName(bytes, at: index), let tag = Tag(name) else { return nil }
        index = afterName
        if closing {
            index = skipSpaces(bytes, from: index)
            // Only the innermost open element may close: libxml2 repairs anything else.
            guard index < count, bytes[index] == UInt8(ascii: ">"), open.last == tag else { return nil }
            open.removeLast()
            collector.boundary(of: tag.role)
            return index + 1
        }
        // libxml2 would close the innermost element here: it then reads the rest its own way.
        if let innermost = open.last, innermost.isClosed(by: tag) { return nil }
        guard let (end, selfClosing) = skipAttributes(bytes, from: index) else { return nil }
        collector.boundary(of: tag.role)
        if !selfClosing, !tag.role.isVoid {
            guard open.count < maximumDepth else { return nil }
            open.append(tag)
        }
        return end
    }

    /// `<!-- … -->` with nothing libxml2 reads differently in it; other `<!` markup is nil.
    private static func skipComment(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let count = bytes.count
        guard start + 5 < count, bytes[start + 2] == UInt8(ascii: "-"), bytes[start + 3] == UInt8(ascii: "-"),
            bytes[start + 4] != UInt8(ascii: "-"), bytes[start + 4] != UInt8(ascii: ">")
        else { return nil }
        var index = start + 4
        while index + 1 < count {
            if bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-") {
                // The first "--" must be the end: "-->" and nothing stranger.
                return index + 2 < count && bytes[index + 2] == UInt8(ascii: ">") ? index + 3 : nil
            }
            index += 1
        }
        return nil
    }

    /// An element name of ASCII letters and digits, lowercased, ending at a space, `/` or `>`.
    private static func readName(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (NameKey, Int)? {
        var index = start
        var name = NameKey()
        while index < bytes.count {
            let byte = bytes[index]
            guard isLetter(byte) || (name.count > 0 && isDigit(byte)) else { break }
            guard name.append(isLetter(byte) ? byte | 0x20 : byte) else { return nil }
            index += 1
        }
        guard name.count > 0, index < bytes.count else { return nil }
        let next = bytes[index]
        guard isSpace(next) || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") else { return nil }
        return (name, index)
    }

    /// Skips attributes of plain names with quoted or simple values; returns the index after
    /// the tag's `>` and whether it ended with `/>`.
    private static func skipAttributes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Bool)? {
        let count = bytes.count
        var index = start
        while true {
            index = skipSpaces(bytes, from: index)
            guard index < count else { return nil }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return (index + 1, false) }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < count, bytes[index + 1] == UInt8(ascii: ">") else { return nil }
                return (index + 2, true)
            }
            guard isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") else { return nil }
            while index < count, isNameByte(bytes[index]) { index += 1 }
            index = skipSpaces(bytes, from: index)
            guard index < count else { return nil }
            guard bytes[index] == UInt8(ascii: "=") else { continue }
            index = skipSpaces(bytes, from: index + 1)
            guard index < count else { return nil }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                index += 1
                while index < count, bytes[index] != quote { index += 1 }
                guard index < count else { return nil }
                index += 1
                // libxml2 wants a space or the end of the tag after a quoted value.
                guard index < count,
                    isSpace(bytes[index]) || bytes[index] == UInt8(ascii: ">")
                        || bytes[index] == UInt8(ascii: "/")
                else { return nil }
            } else {
                let valueStart = index
                while index < count, isUnquotedValueByte(bytes[index]) { index += 1 }
                guard index > valueStart else { return nil }
            }
        }
    }

    /// `&name;` (an HTML 4 entity), `&#n;` or `&#xh;` naming a character libxml2 accepts.
    private static func readReference(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        let count = bytes.count
        var index = start + 1
        var value: UInt32 = 0
        if index < count, bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < count && bytes[index] == UInt8(ascii: "x")
            if hex { index += 1 }
            let digitsStart = index
            while index < count, index - digitsStart < 7, let digit = digitValue(bytes[index], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                index += 1
            }
            guard index > digitsStart, index < count, bytes[index] == UInt8(ascii: ";") else { return nil }
        } else {
            var name = NameKey()
            while index < count, isLetter(bytes[index]) || (index > start + 1 && isDigit(bytes[index])) {
                guard name.append(bytes[index]) else { return nil }
                index += 1
            }
            guard index < count, bytes[index] == UInt8(ascii: ";"), let known = entities[name] else { return nil }
            value = known
        }
        // Printable characters only: libxml2 drops or reports the rest.
        guard
            (0x20..<0x7F).contains(value) || (0xA0..<0xD800).contains(value) || (0xE000..<0xFFFE).contains(value)
                || (0x10000...0x10FFFF).contains(value), let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, index + 1)
    }

    private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    private static func isUnquotedValueByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\"")
            && byte != UInt8(ascii: "'") && byte != UInt8(ascii: "=") && byte != UInt8(ascii: "<")
            && byte != UInt8(ascii: "`")
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        if isDigit(byte) { return UInt32(byte - UInt8(ascii: "0")) }
        guard hex else { return nil }
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") ? UInt32(lower - UInt8(ascii: "a") + 10) : nil
    }
}
