import BlogModel
import Foundation

/// Reads RSS 2.0 / 0.9x, RSS 1.0 (RDF) and Atom 1.0 / 0.3 documents into a `ParsedFeed`.
///
/// The format is detected from the root element (or from the Atom feed an XHTML page
/// wraps). Parsing streams through `XMLStreamReader`, so external entities are never loaded,
/// entity expansion is bounded and any encoding is read in full. Ill-formed input, and
/// documents that are not feeds, throw a `FormatError` naming the source, line and column.
public struct FeedParser: Sendable {
    public init() {}

    /// Parses an in-memory document; `baseURL` (the document's address) resolves relative links.
    ///
    /// - Parameter contentType: the HTTP `Content-Type` it was served with, whose `charset`
    ///   outranks the XML declaration's encoding (RFC 7303; a byte order mark outranks both).
    public func parse(data: Data, sourceName: String, baseURL: URL? = nil, contentType: String? = nil) throws
        -> ParsedFeed
    {
        let consumer = FeedSniffingConsumer(feed: FeedConsumer(baseURL: baseURL))
        let reader = XMLStreamReader(sourceName: sourceName, vocabulary: FeedField.vocabulary)
        let charset = XMLInputEncoding.charset(fromContentType: contentType)
        return try consumer.read(with: reader) {
            try reader.parse(data: data, charset: charset, consumer: consumer)
        }
    }

    /// Parses the file at `path`, read in chunks; `path` names the source in errors.
    ///
    /// - Parameter contentType: as for `parse(data:…)`, when the file holds a fetched body.
    public func parse(fileAtPath path: String, baseURL: URL? = nil, contentType: String? = nil) throws -> ParsedFeed {
        let consumer = FeedSniffingConsumer(feed: FeedConsumer(baseURL: baseURL))
        let reader = XMLStreamReader(sourceName: path, vocabulary: FeedField.vocabulary)
        let charset = XMLInputEncoding.charset(fromContentType: contentType)
        return try consumer.read(with: reader) {
            try reader.parse(fileAtPath: path, charset: charset, consumer: consumer)
        }
    }
}
