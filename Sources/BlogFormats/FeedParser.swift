import BlogModel
import Foundation

/// Reads RSS 2.0 / 0.9x, RSS 1.0 (RDF) and Atom 1.0 / 0.3 documents into a `ParsedFeed`.
///
/// The format is detected from the root element. Parsing streams through `XMLStreamReader`,
/// so external entities are never loaded and entity expansion is bounded. Ill-formed input,
/// and documents that are not feeds, throw a `FormatError` naming the source, line and column.
public struct FeedParser: Sendable {
    public init() {}

    /// Parses an in-memory document; `baseURL` (the document's address) resolves relative links.
    public func parse(data: Data, sourceName: String, baseURL: URL? = nil) throws -> ParsedFeed {
        let consumer = FeedConsumer(baseURL: baseURL)
        let reader = XMLStreamReader(sourceName: sourceName, vocabulary: FeedField.vocabulary)
        try reader.parse(data: data, consumer: consumer)
        return try consumer.finish(reader: reader)
    }

    /// Parses the file at `path`, read in chunks; `path` names the source in errors.
    public func parse(fileAtPath path: String, baseURL: URL? = nil) throws -> ParsedFeed {
        let consumer = FeedConsumer(baseURL: baseURL)
        let reader = XMLStreamReader(sourceName: path, vocabulary: FeedField.vocabulary)
        try reader.parse(fileAtPath: path, consumer: consumer)
        return try consumer.finish(reader: reader)
    }
}
