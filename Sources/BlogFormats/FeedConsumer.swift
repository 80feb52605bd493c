import BlogModel
import Foundation

/// The state machine behind `FeedParser`.
final class FeedConsumer: XMLStreamConsumer {
    let baseURL: URL?

    init(baseURL: URL?) {
        self.baseURL = baseURL
    }

    func didStartElement(_ tag: XMLTag, attributes: XMLAttributes, reader: XMLStreamReader) throws {}
    func didEndElement(_ tag: XMLTag, reader: XMLStreamReader) throws {}

    func finish(reader: XMLStreamReader) throws -> ParsedFeed {
        throw FormatError(source: reader.sourceName, message: "not implemented")
    }
}
