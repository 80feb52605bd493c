/// Finds the feed in a document and hands it to `FeedConsumer`: the root element itself, or
/// the Atom `feed` an XHTML or HTML page wraps (a page that embeds its feed, well-formed XML
/// from start to end), read as if it were the root.
///
/// Anything else is not a feed: a page without a feed in it, or one that is not XML at all,
/// fails as "not a feed (root element <html>)" rather than with the parse error that happens
/// to stop it.
final class FeedSniffingConsumer: XMLStreamConsumer {
    private enum State {
        /// Before the root element.
        case atRoot
        /// The root is the feed: every event goes to the feed consumer.
        case direct
        /// Inside a page, looking for the feed element.
        case searching
        /// Inside the page's feed element.
        case inFeed
        /// Past the page's feed: the rest of the page is not read.
        case afterFeed
    }

    private let feed: FeedConsumer
    private var state = State.atRoot
    /// Where the page's root element started, for the error when it holds no feed.
    private var pageRoot: (name: String, line: Int, column: Int)?

    init(feed: FeedConsumer) {
        self.feed = feed
    }

    func didStartElement(_ tag: XMLTag, attributes: XMLAttributes, reader: XMLStreamReader) throws {
        switch state {
        case .direct, .inFeed:
            try feed.didStartElement(tag, attributes: attributes, reader: reader)
        case .atRoot:
            if tag.name.localName == "html",
                tag.name.namespaceURI == XMLNamespace.xhtml || tag.name.namespaceURI.isEmpty
            {
                state = .searching
                pageRoot = (tag.name.localName, reader.line, reader.column)
            } else {
                state = .direct
                try feed.didStartElement(tag, attributes: attributes, reader: reader)
            }
        case .searching:
            guard tag.name.localName == "feed",
                tag.name.namespaceURI == XMLNamespace.atom || tag.name.namespaceURI == XMLNamespace.atom03
            else { return }
            // The feed consumer counts depth from its root: 1 for the feed element.
            reader.depthOffset = reader.documentDepth - 1
            state = .inFeed
            try feed.didStartElement(tag, attributes: attributes, reader: reader)
        case .afterFeed:
            return
        }
    }

    func didEndElement(_ tag: XMLTag, reader: XMLStreamReader) throws {
        switch state {
        case .direct:
            try feed.didEndElement(tag, reader: reader)
        case .inFeed:
            try feed.didEndElement(tag, reader: reader)
            if reader.depth == 1 {
                state = .afterFeed
                reader.depthOffset = 0
            }
        case .atRoot, .searching, .afterFeed:
            return
        }
    }

    /// Runs the parse `body` and returns the feed it read.
    func read(with reader: XMLStreamReader, _ body: () throws -> Void) throws -> ParsedFeed {
        do {
            try body()
        } catch let error as FormatError where state == .searching {
            // An HTML page is rarely well-formed XML: where it breaks does not matter.
            throw notAFeed(reader, else: error)
        }
        if state == .searching { throw notAFeed(reader, else: nil) }
        return try feed.finish(reader: reader)
    }

    private func notAFeed(_ reader: XMLStreamReader, else error: FormatError?) -> FormatError {
        guard let pageRoot else { return error ?? FormatError(source: reader.sourceName, message: "not a feed") }
        return FormatError(
            source: reader.sourceName, line: pageRoot.line, column: pageRoot.column,
            message: "not a feed (root element <\(pageRoot.name)>)")
    }
}
