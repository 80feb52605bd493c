import Foundation

/// Collects `outline` elements with a feed address, remembering the folders around them.
final class OPMLConsumer: XMLStreamConsumer {
    var outlines: [OPMLOutline] = []
    var sawRoot = false
    /// One entry per open `outline`: its title when it is a folder, nil when it is a feed.
    private var openOutlines: [String?] = []

    func didStartElement(_ tag: XMLTag, attributes: XMLAttributes, reader: XMLStreamReader) throws {
        if !sawRoot {
            sawRoot = true
            guard tag.name.localName == "opml" else {
                throw FormatError(
                    source: reader.sourceName, line: reader.line, column: reader.column,
                    message: "not an OPML document (root element <\(tag.name.localName)>)")
            }
            return
        }
        guard tag.name.localName == "outline" else { return }
        let title = Self.value(attributes, "title") ?? Self.value(attributes, "text") ?? ""
        guard let xmlURL = Self.value(attributes, "xmlUrl") else {
            openOutlines.append(title)
            return
        }
        openOutlines.append(nil)
        outlines.append(
            OPMLOutline(
                title: title.isEmpty ? xmlURL : title, xmlURL: xmlURL,
                htmlURL: Self.value(attributes, "htmlUrl"),
                categoryPath: openOutlines.dropLast().compactMap { $0 }.filter { !$0.isEmpty }))
    }

    func didEndElement(_ tag: XMLTag, reader: XMLStreamReader) throws {
        if tag.name.localName == "outline", !openOutlines.isEmpty { openOutlines.removeLast() }
    }

    /// A non-blank attribute, matched case-insensitively: `xmlUrl`, `xmlURL` and `xmlurl` all occur.
    private static func value(_ attributes: XMLAttributes, _ name: String) -> String? {
        let wanted = name.lowercased()
        for attribute in attributes where attribute.localName.lowercased() == wanted {
            let value = attribute.value.trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
