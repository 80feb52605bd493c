import Foundation

/// Reads the feed subscriptions of an OPML document (1.0 or 2.0).
public enum OPMLParser {
    /// Every outline that has an `xmlUrl`, in document order, with its folder path.
    ///
    /// Ill-formed input, or a root other than `<opml>`, throws a `FormatError`.
    public static func parse(data: Data, sourceName: String) throws -> [OPMLOutline] {
        let consumer = OPMLConsumer()
        try XMLStreamReader(sourceName: sourceName).parse(data: data, consumer: consumer)
        return consumer.outlines
    }
}
