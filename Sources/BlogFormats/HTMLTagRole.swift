import BlogModel

/// What an HTML element means to a reader that shows text in a terminal.
enum HTMLTagRole: Equatable {
    /// Contents never shown: scripts, styles, embedded frames, the document head.
    case hidden
    /// Starts and ends a paragraph but adds nothing of its own (`p`, `div`, `section`…).
    case block
    case heading(level: Int)
    case inline(RichSpan.Style)
    case anchor
    case lineBreak
    case rule
    case image
    case preformatted
    case list(ordered: Bool)
    case listItem
    case quote
    case tableRow
    case tableCell
    case term
    case caption
    /// Unknown or purely presentational tags: their text is kept as is.
    case transparent

    /// Elements that libxml2 reports as opened and immediately closed.
    var isVoid: Bool {
        switch self {
        case .lineBreak, .rule, .image: return true
        default: return false
        }
    }

    init(tag name: String) {
        self = Self.roles[name] ?? .transparent
    }

    private static let roles: [String: HTMLTagRole] = {
        var roles: [String: HTMLTagRole] = [:]
        for name in [
            "script", "style", "iframe", "object", "noscript", "template", "head", "title", "svg",
            "math", "canvas", "video", "audio", "select", "textarea", "button",
        ] {
            roles[name] = .hidden
        }
        for name in [
            "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "address",
            "center", "details", "summary", "fieldset", "form", "legend", "figure", "hgroup",
            "html", "body", "table", "thead", "tbody", "tfoot", "dl", "dd", "caption",
        ] {
            roles[name] = .block
        }
        for level in 1...6 { roles["h\(level)"] = .heading(level: level) }
        for name in ["b", "strong"] { roles[name] = .inline(.bold) }
        for name in ["i", "em", "cite", "var", "dfn"] { roles[name] = .inline(.italic) }
        for name in ["code", "tt", "kbd", "samp"] { roles[name] = .inline(.code) }
        for name in ["pre", "listing", "xmp", "plaintext"] { roles[name] = .preformatted }
        for name in ["ul", "dir", "menu"] { roles[name] = .list(ordered: false) }
        roles["ol"] = .list(ordered: true)
        roles["li"] = .listItem
        roles["blockquote"] = .quote
        roles["a"] = .anchor
        roles["br"] = .lineBreak
        roles["hr"] = .rule
        roles["img"] = .image
        roles["tr"] = .tableRow
        roles["td"] = .tableCell
        roles["th"] = .tableCell
        roles["dt"] = .term
        roles["figcaption"] = .caption
        return roles
    }()
}
