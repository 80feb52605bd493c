import Foundation

/// Writes a one-post WordPress export or RSS feed whose chosen field holds one huge text
/// node, the way a hostile or broken blog would; every other field is small and ordinary.
///
/// The text is streamed to the file in pieces, so generating 50 MB costs no more memory than
/// importing it.
struct TextNodeDocument {
    enum Format: String, CaseIterable {
        case wxr, rss
    }

    enum Field: String, CaseIterable {
        case title, content, comment
    }

    /// What the huge node is made of.
    enum Pattern: String, CaseIterable {
        /// One endless word, `AAAA…`: no whitespace, markup or entity to break it up.
        case letters
        /// Sentences with line breaks, blank lines, entities and inline markup, as prose has.
        case prose
        /// N nested HTML elements (blocks, lists, quotes, bold, links) around a word, as markup
        /// inside the text (escaped, or in CDATA), so the XML itself stays shallow.
        case nested
        /// N unclosed HTML `div`s around a word, then N end tags of elements never opened
        /// (each one sends libxml2 looking through every open element).
        case stray
        /// N nested XML elements around a word, in the field itself.
        case elements
    }

    let format: Format
    let field: Field
    let pattern: Pattern
    /// Bytes of the huge node for `letters` and `prose`; elements for the others.
    let size: Int

    /// Writes the document to `url`, replacing any file there.
    func write(to url: URL) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var out = Output(handle: handle)
        switch format {
        case .wxr: try writeExport(&out)
        case .rss: try writeFeed(&out)
        }
        try out.flush()
    }

    private func writeExport(_ out: inout Output) throws {
        try out.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
              xmlns:content="http://purl.org/rss/1.0/modules/content/"
              xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel><title>Text node bench</title><link>https://bench.example</link>
            <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url>
            <wp:base_blog_url>https://bench.example</wp:base_blog_url>
            <item><title>
            """)
        // WordPress escapes titles and wraps bodies in CDATA: both of libxml2's text paths run.
        try field == .title ? writeHuge(&out, cdata: false) : out.write("A post")
        try out.write(
            """
            </title><link>https://bench.example/?p=1</link><dc:creator>admin</dc:creator>
            <guid isPermaLink="false">https://bench.example/?p=1</guid><content:encoded>
            """)
        try field == .content ? writeHuge(&out, cdata: true) : out.write("<![CDATA[<p>Body</p>]]>")
        try out.write(
            """
            </content:encoded><wp:post_id>1</wp:post_id>
            <wp:post_date_gmt>2024-01-02 03:04:05</wp:post_date_gmt><wp:status>publish</wp:status>
            <wp:post_type>post</wp:post_type>
            <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Reader</wp:comment_author>
            <wp:comment_date_gmt>2024-01-02 04:05:06</wp:comment_date_gmt><wp:comment_content>
            """)
        try field == .comment ? writeHuge(&out, cdata: true) : out.write("<![CDATA[Nice.]]>")
        try out.write(
            """
            </wp:comment_content><wp:comment_approved>1</wp:comment_approved>
            <wp:comment_parent>0</wp:comment_parent></wp:comment></item></channel></rss>

            """)
    }

    /// RSS has no comment body of its own: `comment` puts the node in `description`.
    private func writeFeed(_ out: inout Output) throws {
        try out.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Text node bench</title><link>https://bench.example/</link>
            <item><title>
            """)
        try field == .title ? writeHuge(&out, cdata: false) : out.write("A post")
        try out.write("</title><link>https://bench.example/1</link><guid>https://bench.example/1</guid><description>")
        try field == .comment ? writeHuge(&out, cdata: false) : out.write("Summary")
        try out.write("</description><content:encoded>")
        try field == .content ? writeHuge(&out, cdata: true) : out.write("<![CDATA[<p>Body</p>]]>")
        try out.write("</content:encoded><pubDate>Tue, 02 Jan 2024 03:04:05 GMT</pubDate></item></channel></rss>\n")
    }

    private func writeHuge(_ out: inout Output, cdata wrapped: Bool) throws {
        // Elements cannot sit inside CDATA; they replace it.
        let cdata = wrapped && pattern != .elements
        if cdata { try out.write("<![CDATA[") }
        switch pattern {
        case .letters:
            try out.repeatWrite("A", count: size)
        case .prose:
            // A paragraph of ~1 KB with HTML and XML entities, a relative link and inline
            // markup; its tags are escaped for XML text, raw inside CDATA.
            let sentence =
                "Words &amp; more words, <em>some</em> caf&eacute;&nbsp;au lait &#8212; "
                + "<a href=\"/p/1\">a link</a>; a line break here\n"
            let paragraph = String(repeating: sentence, count: 9) + "\n"
            try out.repeatWrite(cdata ? paragraph : Self.escaped(paragraph), count: size / paragraph.utf8.count)
        case .nested:
            // Containers, a style and a link in each group: every stack the converter keeps.
            let open = "<div><blockquote><ul><li><b><a href=\"/x\">"
            let close = "</a></b></li></ul></blockquote></div>"
            try out.repeatWrite(cdata ? open : Self.escaped(open), count: size / 6)
            try out.write("deep")
            try out.repeatWrite(cdata ? close : Self.escaped(close), count: size / 6)
        case .stray:
            try out.repeatWrite(cdata ? "<div>" : "&lt;div&gt;", count: size)
            try out.write("deep")
            try out.repeatWrite(cdata ? "</span>" : "&lt;/span&gt;", count: size)
        case .elements:
            try out.repeatWrite("<i>", count: size)
            try out.write("deep")
            try out.repeatWrite("</i>", count: size)
        }
        if cdata { try out.write("]]>") }
    }

    /// Markup made text; entity references stay, for the XML reader to resolve.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Buffers writes into 1 MiB pieces.
    private struct Output {
        let handle: FileHandle
        var buffer = Data()

        init(handle: FileHandle) {
            self.handle = handle
            buffer.reserveCapacity(1 << 20)
        }

        mutating func write(_ text: String) throws {
            buffer.append(contentsOf: Array(text.utf8))
            if buffer.count >= 1 << 20 { try flush() }
        }

        mutating func repeatWrite(_ text: String, count: Int) throws {
            // Whole copies of `text`, many at a time.
            let piece = Array(text.utf8)
            let perChunk = max(1, (1 << 20) / max(piece.count, 1))
            var left = count
            while left > 0 {
                let copies = min(left, perChunk)
                for _ in 0..<copies { buffer.append(contentsOf: piece) }
                left -= copies
                try flush()
            }
        }

        mutating func flush() throws {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
