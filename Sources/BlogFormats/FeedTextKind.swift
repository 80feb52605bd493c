import Foundation

/// How an Atom text construct (`title`, `subtitle`, `summary`, `content`) carries its value.
enum FeedTextKind: Equatable {
    case text
    case html
    /// Inline XML: the children are serialized back into markup.
    case xhtml
    /// Base64 (Atom 0.3 `mode="base64"`, or a non-text MIME type) of text or HTML.
    case base64(html: Bool)

    /// Reads Atom 1.0 `type` (`text`, `html`, `xhtml`, a MIME type) and Atom 0.3 `mode`.
    init(type: String?, mode: String?) {
        let type = (type ?? "").lowercased()
        let isHTML = type == "html" || type.containsBytes("html") && !type.containsBytes("xhtml")
        switch (mode ?? "").lowercased() {
        case "base64":
            self = .base64(html: isHTML || type.containsBytes("xhtml"))
            return
        case "escaped":
            self = isHTML || type.containsBytes("xhtml") ? .html : .text
            return
        default: break
        }
        if type.isEmpty || type == "text" || type == "text/plain" {
            self = .text
        } else if isHTML {
            self = .html
        } else if type == "xhtml" || type.hasSuffix("+xml") || type.hasSuffix("/xml") {
            self = .xhtml
        } else if type.hasPrefix("text/") {
            self = .text
        } else {
            self = .base64(html: false)
        }
    }

    /// The value as HTML, given the raw character data (for xhtml, the serialized markup).
    func html(from value: String) -> String {
        switch self {
        case .text: return FeedHTML.paragraphs(fromText: value)
        case .html, .xhtml: return value
        case .base64(let html):
            let decoded = Self.decodeBase64(value)
            return html ? decoded : FeedHTML.paragraphs(fromText: decoded)
        }
    }

    /// The value as plain text.
    func plainText(from value: String) -> String {
        switch self {
        case .text: return FeedHTML.collapse(value)
        case .html, .xhtml: return FeedHTML.plainText(fromHTML: value)
        case .base64(let html):
            let decoded = Self.decodeBase64(value)
            return html ? FeedHTML.plainText(fromHTML: decoded) : FeedHTML.collapse(decoded)
        }
    }

    private static func decodeBase64(_ value: String) -> String {
        let compact = value.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
