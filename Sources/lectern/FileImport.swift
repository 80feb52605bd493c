import BlogStore
import BlogSync
import Foundation

/// Chooses the importer for a file by its root element.
enum FileImport {
    enum Kind: Equatable {
        case wordpressExport
        case feed
        case opml
    }

    static func run(file: String, store: LibraryStore) throws -> String {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw CLIError("\(file): no such file or not readable")
        }
        switch try sniff(file) {
        case .wordpressExport:
            return try ExportImporter(store: store).importWXR(atPath: file).line
        case .feed:
            return try FeedFileImporter.importFile(atPath: file, store: store).line
        case .opml:
            return try OPMLImporter.importFile(atPath: file, store: store).line
        }
    }

    /// Looks at the start of the file only: the root element and its namespaces decide.
    static func sniff(_ file: String) throws -> Kind {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw CLIError("\(file): cannot open")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16_384)) ?? Data()
        let text = decodeHead(head).lowercased()
        if text.contains("<opml") { return .opml }
        if text.contains("wordpress.org/export/") { return .wordpressExport }
        if text.contains("<rss") || text.contains("<rdf:rdf") || text.contains("<feed") || text.contains(":rdf")
        {
            return .feed
        }
        // Anything else goes to the export parser, whose error names the line and column.
        return .wordpressExport
    }

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
