import BlogModel

/// Lays out a post's header and `RichText` body as screen lines at a width.
///
/// The article pane draws these lines and `lectern show` prints `plainText`, so the reader
/// and the CLI always agree. Every string from content is made terminal-safe here.
public enum ArticleLayout {
    /// Header, body and the numbered list of links, wrapped to `width` columns.
    public static func lines(header: ArticleHeader?, body: RichText, width: Int) -> [TextLine] {
        let width = max(8, width)
        var out: [TextLine] = []
        if let header {
            out += headerLines(header, width: width)
            if !body.blocks.isEmpty || !body.links.isEmpty { out.append(.blank) }
        }
        out += blockLines(body.blocks, context: Context(width: width, links: body.links))
        if !body.links.isEmpty {
            if !out.isEmpty { out.append(.blank) }
            out += linkListLines(body.links, width: width)
        }
        return out
    }

    /// The same layout as `lines` without styles: one string, lines joined by "\n".
    public static func plainText(header: ArticleHeader?, body: RichText, width: Int) -> String {
        plain(lines(header: header, body: body, width: width))
    }

    /// Lines joined by "\n" with trailing spaces removed.
    public static func plain(_ lines: [TextLine]) -> String {
        lines.map { line -> String in
            var text = line.text
            while text.last == " " { text.removeLast() }
            return text
        }.joined(separator: "\n")
    }

    /// Title, byline and categories.
    public static func headerLines(_ header: ArticleHeader, width: Int) -> [TextLine] {
        let title = safe(header.title).isEmpty ? "(untitled)" : safe(header.title)
        var out = TextWrapper.wrap(title, role: .articleTitle, width: width)
        let byline = [safe(header.author), DateText.minute(header.date), safe(header.blogTitle ?? "")]
            .filter { !$0.isEmpty }
        if !byline.isEmpty {
            out += TextWrapper.wrap(byline.joined(separator: " · "), role: .articleMeta, width: width)
        }
        let categories = header.categories.map(safe).filter { !$0.isEmpty }
        if !categories.isEmpty {
            out += TextWrapper.wrap(
                "Filed under: " + categories.joined(separator: ", "), role: .articleMeta, width: width)
        }
        return out
    }

    /// "Links" and one `[n] URL` entry per link, URLs hard-wrapped under a hanging indent.
    public static func linkListLines(_ links: [String], width: Int) -> [TextLine] {
        var out = [TextLine("Links", role: .heading)]
        let markerWidth = "[\(links.count)] ".count
        for (index, url) in links.enumerated() {
            let marker = "[\(index + 1)]"
            let pad = String(repeating: " ", count: markerWidth - 1 - marker.count)
            let wrapped = TextWrapper.wrap(
                [TextRun(safe(url), role: .link, link: index)], width: width - markerWidth)
            for (number, line) in wrapped.enumerated() {
                let prefix =
                    number == 0
                    ? [TextRun(pad + marker, role: .linkNumber, link: index), TextRun(" ")]
                    : [TextRun(String(repeating: " ", count: markerWidth))]
                out.append(line.prefixed(by: prefix))
            }
        }
        return out
    }

    static func safe(_ text: String) -> String {
        TerminalSafeText.sanitize(text)
    }
}
