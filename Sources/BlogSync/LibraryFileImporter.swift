import BlogStore
import Foundation

/// Imports any file `lectern import` takes (WordPress export, feed file, OPML list) with
/// the importer its kind calls for.
public enum LibraryFileImporter {
    /// Imports `file` into `store`; returns the one-line summary for the user.
    public static func importFile(atPath file: String, store: LibraryStore) throws -> String {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw LibraryFileError(file: file, problem: "no such file or not readable")
        }
        switch try LibraryFileKind.sniff(atPath: file) {
        case .wordpressExport:
            return try ExportImporter(store: store).importWXR(atPath: file).line
        case .feed:
            return try FeedFileImporter.importFile(atPath: file, store: store).line
        case .opml:
            return try OPMLImporter.importFile(atPath: file, store: store).line
        }
    }
}

/// A file that could not be opened for import; its description names the file.
public struct LibraryFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var problem: String

    public var description: String { "\(file): \(problem)" }
}
