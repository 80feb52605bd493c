import Foundation

/// Serializes the XML children of a text construct (Atom `type="xhtml"`, or elements found
/// inside an RSS description) back into markup, as the reader delivers them.
///
/// The reader reports text at the next tag, so each callback first appends the text that
/// preceded it. The single `xhtml:div` wrapper Atom requires is left out.
struct FeedMarkupWriter {
    /// Depth of the element whose content is being serialized.
    let depth: Int
    private(set) var html = ""
    private var unwrappedDivDepth = 0
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ]

    /// - Parameter leadingText: text already seen in the construct, as markup.
    init(depth: Int, leadingText: String = "") {
        self.depth = depth
        self.html = leadingText
    }

    mutating func start(
        _ tag: XMLTag, attributes: XMLAttributes, precedingText: String, bases: FeedBaseURLs, elementDepth: Int
    ) {
        html += FeedHTML.escape(precedingText)
        if elementDepth == depth + 1, unwrappedDivDepth == 0, tag.name.localName == "div",
            tag.name.namespaceURI == XMLNamespace.xhtml, html.allSatisfy(\.isWhitespace)
        {
            unwrappedDivDepth = elementDepth
            html = ""
            return
        }
        html += "<" + tag.name.localName
        for attribute in attributes where attribute.namespaceURI.isEmpty {
            var value = attribute.value
            if attribute.localName == "href" || attribute.localName == "src" {
                value = bases.resolve(value)
            }
            html += " \(attribute.localName)=\"\(FeedHTML.escape(value))\""
        }
        html += ">"
    }

    mutating func end(_ tag: XMLTag, precedingText: String, elementDepth: Int) {
        html += FeedHTML.escape(precedingText)
        if elementDepth == unwrappedDivDepth {
            unwrappedDivDepth = -1  // only the first wrapper is dropped
            return
        }
        if !Self.voidElements.contains(tag.name.localName) {
            html += "</" + tag.name.localName + ">"
        }
    }

    /// The markup, with the construct's trailing text appended.
    func finished(trailingText: String) -> String {
        let whole = html + FeedHTML.escape(trailingText)
        return whole.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
