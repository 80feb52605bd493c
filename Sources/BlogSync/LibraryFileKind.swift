import Foundation

/// What a file handed to `lectern import` is, told by its root element.
public enum LibraryFileKind: Equatable, Sendable {
    case wordpressExport
    case feed
    case opml

    /// Looks at the start of the file only: the root element and its namespaces decide.
    /// Anything unrecognised is taken for an export, whose parser's error names the line.
    public static func sniff(atPath file: String) throws -> LibraryFileKind {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw LibraryFileError(file: file, problem: "cannot open")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16_384)) ?? Data()
        let text = decodeHead(head).lowercased()
        if text.contains("<opml") { return .opml }
        if text.contains("wordpress.org/export/") { return .wordpressExport }
        if text.contains("<rss") || text.contains("<rdf:rdf") || text.contains("<feed") || text.contains(":rdf") {
            return .feed
        }
        return .wordpressExport
    }

    /// The head as text: UTF-16 when it starts with a byte-order mark, else UTF-8, leniently
    /// (the markers sought are ASCII).
    private static func decodeHead(_ head: Data) -> String {
        let bytes = [UInt8](head)
        let bigEndian = bytes.starts(with: [0xFE, 0xFF])
        guard bigEndian || bytes.starts(with: [0xFF, 0xFE]) else { return String(decoding: bytes, as: UTF8.self) }
        let units = stride(from: 2, to: bytes.count - 1, by: 2).map { index -> UInt16 in
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            return bigEndian ? first << 8 | second : second << 8 | first
        }
        return String(decoding: units, as: UTF16.self)
    }
}
