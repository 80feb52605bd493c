import BlogModel

/// Converts the HTML of posts and comments into what the reader shows.
///
/// Parsing is libxml2's forgiving HTML parser in SAX mode; WordPress classic-editor bodies
/// (raw `post_content` from an export) first get their shortcodes removed and their blank
/// lines turned into paragraphs, as WordPress does when it displays them.
public enum HTMLConverter {
    /// The document of `html`: paragraphs, headings, lists, quotes, preformatted blocks and
    /// rules, with links numbered in reading order.
    ///
    /// - Parameter baseURL: the address relative links are resolved against (the post's link).
    /// - Returns: a document whose text is safe for a terminal. A hard line break (`<br>`) is
    ///   a span of its own whose text is exactly "\n".
    public static func richText(fromHTML html: String, baseURL: String? = nil) -> RichText {
        HTMLSAXParser.parse(prepare(html)) { HTMLConversionState(baseURL: baseURL) }.finish()
    }

    /// The text of `html` on one line, whitespace collapsed, for search and list previews.
    ///
    /// No link numbers and no image markers; block edges and line breaks become single spaces.
    /// Control characters are left as they are (this text feeds the search index, hot in
    /// every import): whoever shows it on a terminal passes it through `TerminalSafeText`.
    public static func plainText(fromHTML html: String) -> String {
        // memchr finds a byte many times faster than iterating a String's UTF-8 view.
        let source = HTMLPlainTextExtractor.contains(html, UInt8(ascii: "[")) ? HTMLShortcodeFilter.strip(html) : html
        if !HTMLPlainTextExtractor.contains(source, UInt8(ascii: "<")),
            !HTMLPlainTextExtractor.contains(source, UInt8(ascii: "&"))
        {
            return HTMLPlainTextCollector.collapse(source)
        }
        // Tidy markup is read directly; libxml2 takes whatever needs its repairs.
        return HTMLPlainTextScanner.text(ofMarkup: source) ?? HTMLPlainTextExtractor.current.text(ofMarkup: source)
    }

    /// Applies the WordPress display filters the raw export body has not been through yet.
    static func prepare(_ html: String) -> String {
        HTMLAutoParagraph.apply(HTMLShortcodeFilter.strip(HTMLControlCharacters.makeVisible(html)))
    }
}
