import Foundation

/// Whether fetched bytes are a feed, judged from their start alone, before any parsing: the
/// root element is `rss`, `feed` or `rdf:RDF`, or an (X)HTML page's root wraps an Atom feed.
///
/// Asked of every fetched feed, so it compares bytes without decoding or lower-casing a
/// string first; UTF-16 and UTF-32 bodies are narrowed to one byte per character to be read.
public enum FeedSniffingHead {
    /// How much of a body is looked at; an XHTML page's feed may come after a long `<head>`.
    static let headLength = 4096
    static let pageLength = 64 * 1024

    public static func looksLikeFeed(_ body: Data) -> Bool {
        let head = narrowed(body.prefix(pageLength))
        guard let root = rootElement(in: head, limit: min(head.count, headLength)) else { return false }
        if hasName("rss", in: head, at: root) || hasName("feed", in: head, at: root)
            || hasName("rdf:rdf", in: head, at: root)
        {
            return true
        }
        return hasName("html", in: head, at: root, whole: true) && containsAtomFeedElement(head, from: root)
    }

    /// The bytes as one byte per character: UTF-16/32 code units above ASCII become 0x80.
    public static func narrowed(_ body: Data) -> [UInt8] {
        let bytes = [UInt8](body)
        guard let encoding = bytes.withUnsafeBufferPointer({ XMLInputEncoding.unicodeFromByteOrder($0) }),
            encoding.unitSize > 1
        else { return bytes }
        let bigEndian = encoding.iconvName?.hasSuffix("BE") == true
        var narrow: [UInt8] = []
        narrow.reserveCapacity(bytes.count / encoding.unitSize)
        var index = encoding.byteOrderMarkLength
        while index + encoding.unitSize <= bytes.count {
            var unit: UInt32 = 0
            for offset in 0..<encoding.unitSize {
                let byte = UInt32(bytes[index + (bigEndian ? offset : encoding.unitSize - 1 - offset)])
                unit = unit << 8 | byte
            }
            narrow.append(unit < 0x80 ? UInt8(unit) : 0x80)
            index += encoding.unitSize
        }
        return narrow
    }

    /// The offset of the root element's name: past the prolog, comments and doctype.
    static func rootElement(in head: [UInt8], limit: Int) -> Int? {
        var index = 0
        while let open = head[index..<limit].firstIndex(of: UInt8(ascii: "<")) {
            let tag = open + 1
            guard tag < limit else { return nil }
            if head[tag] == UInt8(ascii: "?") || head[tag] == UInt8(ascii: "!") {
                guard let close = head[tag..<limit].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                index = close + 1
                continue
            }
            return tag
        }
        return nil
    }

    /// Whether the element name at `index` starts with `name`, case-insensitively; with
    /// `whole`, whether it is exactly `name`.
    static func hasName(_ name: StaticString, in head: [UInt8], at index: Int, whole: Bool = false) -> Bool {
        let count = name.utf8CodeUnitCount
        guard index + count <= head.count else { return false }
        for offset in 0..<count where lower(head[index + offset]) != name.utf8Start[offset] { return false }
        guard whole, index + count < head.count else { return true }
        let next = head[index + count]
        return next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || XMLInputProlog.isSpace(next)
    }

    /// An element named `feed` (with or without a prefix) whose start tag binds the Atom
    /// namespace, anywhere after `start`.
    static func containsAtomFeedElement(_ head: [UInt8], from start: Int) -> Bool {
        let atom = Array(XMLNamespace.atom.utf8)
        var index = start
        while let open = head[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = open + 1
            var name = index
            while name < head.count, head[name] != UInt8(ascii: ":"), head[name] != UInt8(ascii: ">"),
                !XMLInputProlog.isSpace(head[name]), name - index < 32
            {
                name += 1
            }
            if name < head.count, head[name] == UInt8(ascii: ":") { name += 1 } else { name = index }
            guard hasName("feed", in: head, at: name, whole: true),
                let close = head[name...].firstIndex(of: UInt8(ascii: ">"))
            else { continue }
            let tag = head[name..<close]
            if tag.count >= atom.count,
                (0...(tag.count - atom.count)).contains(where: { offset in
                    tag.dropFirst(offset).starts(with: atom)
                })
            {
                return true
            }
        }
        return false
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}
