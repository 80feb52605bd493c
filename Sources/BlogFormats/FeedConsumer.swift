import BlogModel
import Foundation

/// The state machine behind `FeedParser`: detects the format at the root, then reads channel
/// fields and one item at a time, tracking `xml:base` scopes and serializing inline markup.
final class FeedConsumer: XMLStreamConsumer {
    var bases: FeedBaseURLs
    var feed = ParsedFeed(kind: .rss2)
    var detected = false
    /// Depth of the RSS `channel` or the Atom `feed` while it is open, else 0.
    var channelDepth = 0
    var itemDepth = 0
    var item = ItemFields()
    /// Depth of an Atom `author` (of the feed or of the entry being read), else 0.
    var authorDepth = 0
    var author = AuthorFields()
    var feedAuthor = AuthorFields()
    /// Depth of an element whose whole content is ignored (an entry's Atom `source`).
    var skipDepth = 0
    /// Depth of the text field being read, so children found in it get serialized.
    var fieldDepth = 0
    var fieldKind = FeedTextKind.html
    var markup: FeedMarkupWriter?
    var channelLinkIsHTML = false
    /// The namespace of a `feed` or `rss` root that is not the usual one (pre-1.0 Atom drafts
    /// and old RSS used several), read as `aliasTarget`.
    var alias: String?
    var aliasTarget = ""

    init(baseURL: URL?) {
        bases = FeedBaseURLs(documentURL: baseURL)
    }

    func didStartElement(_ tag: XMLTag, attributes: XMLAttributes, reader: XMLStreamReader) throws {
        let depth = reader.depth
        if let base = attributes.value("base", namespaceURI: XMLNamespace.xml) {
            bases.push(base, depth: depth)
        }
        if markup != nil {
            markup!.start(tag, attributes: attributes, precedingText: reader.text, bases: bases, elementDepth: depth)
            return
        }
        if !detected { return try detectRoot(tag, attributes: attributes, reader: reader) }
        if skipDepth != 0 { return }
        if fieldDepth != 0, depth == fieldDepth + 1 {
            var writer = FeedMarkupWriter(depth: fieldDepth, leadingText: FeedHTML.escape(reader.text))
            writer.start(tag, attributes: attributes, precedingText: "", bases: bases, elementDepth: depth)
            markup = writer
            return
        }
        guard let field = FeedField.of(tag, alias: alias, aliasTarget: aliasTarget) else { return }
        try startField(field, attributes: attributes, depth: depth)
    }

    func didEndElement(_ tag: XMLTag, reader: XMLStreamReader) throws {
        let depth = reader.depth
        defer { bases.pop(depth: depth) }
        var value: String
        var kind = fieldKind
        if let writerDepth = markup?.depth {
            // Mutated in place: a copy taken out of `markup` would share its string, so every
            // append would copy all the markup so far (quadratic in a deeply nested body).
            guard depth == writerDepth else {
                markup!.end(tag, precedingText: reader.text, elementDepth: depth)
                return
            }
            value = markup!.finished(trailingText: reader.text)
            kind = .xhtml
            markup = nil
        } else {
            value = reader.text
        }
        if depth == fieldDepth { fieldDepth = 0 }
        if skipDepth != 0 {
            if depth == skipDepth { skipDepth = 0 }
            return
        }
        guard let field = FeedField.of(tag, alias: alias, aliasTarget: aliasTarget) else { return }
        if itemDepth != 0 {
            if authorDepth != 0 {
                if depth == authorDepth + 1 { readAuthorField(field, &value) }
                if depth == authorDepth, field == .atomAuthor {
                    if item.author.name.isEmpty { item.author = author }
                    authorDepth = 0
                }
            } else if depth == itemDepth + 1 {
                readItemField(field, value: value, kind: kind)
            } else if depth == itemDepth {
                feed.items.append(makeItem())
                itemDepth = 0
            }
        } else if authorDepth != 0 {
            if depth == authorDepth + 1 { readAuthorField(field, &value) }
            if depth == authorDepth, field == .atomAuthor {
                if feedAuthor.name.isEmpty { feedAuthor = author }
                authorDepth = 0
            }
        } else if channelDepth != 0 {
            if depth == channelDepth + 1 { readChannelField(field, value: value, kind: kind) }
            if depth == channelDepth { channelDepth = 0 }
        }
    }

    func finish(reader: XMLStreamReader) throws -> ParsedFeed {
        if !detected {
            throw FormatError(source: reader.sourceName, line: 1, column: 1, message: "not a feed (no root element)")
        }
        return feed
    }

    /// Decides the format from the root element; anything else is not a feed.
    private func detectRoot(_ tag: XMLTag, attributes: XMLAttributes, reader: XMLStreamReader) throws {
        switch FeedField(rawValue: tag.token) {
        case .rss:
            feed.kind = .rss2
        case .rdf:
            feed.kind = .rss1
        case .atomFeed:
            feed.kind = .atom
            channelDepth = 1
            feed.language = attributes.value("lang", namespaceURI: XMLNamespace.xml) ?? ""
        case .entry:
            // An Atom entry document: one item, no feed metadata.
            feed.kind = .atom
            detected = true
            try startField(.entry, attributes: attributes, depth: 1)
            return
        case nil where tag.name.localName == "feed":
            feed.kind = .atom
            channelDepth = 1
            alias = tag.name.namespaceURI
            aliasTarget = XMLNamespace.atom
        case nil where tag.name.localName == "rss":
            feed.kind = .rss2
            alias = tag.name.namespaceURI
        default:
            throw FormatError(
                source: reader.sourceName, line: reader.line, column: reader.column,
                message: "not a feed (root element <\(tag.name.localName)>)")
        }
        detected = true
    }
}
