import BlogModel
import Foundation
import XCTest

@testable import BlogFormats

/// Deep nesting, in the XML itself (refused past a cap, with the place) and in the HTML a
/// text carries (read through, to the innermost word).
final class LinearTimeNestingTests: XCTestCase {
    private static let deep = 100_000

    private func nested(_ open: String, _ close: String, count: Int, around word: String = "deep") -> String {
        String(repeating: open, count: count) + word + String(repeating: close, count: count)
    }

    private func export(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Blog</title>
        <item><title>\(title)</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type></item>
        </channel></rss>
        """
    }

    private func feed(description: String) -> String {
        "<rss version=\"2.0\"><channel><title>Feed</title>\n<item><title>t</title>\n<description>\(description)</description></item></channel></rss>"
    }

    func testDeepElementsInAnExportTitleAreRefusedWithTheirPlace() {
        // Given an export whose title holds 100,000 nested elements
        let xml = export(title: nested("<i>", "</i>", count: Self.deep))
        // When it is parsed
        XCTAssertThrowsError(
            try WXRParser().parse(
                data: Data(xml.utf8), sourceName: "deep.xml", onChannel: { _ in }, onItem: { _ in })
        ) { error in
            // Then the error names the file, the line of the title and the cap
            let error = error as? FormatError
            XCTAssertEqual(error?.source, "deep.xml")
            XCTAssertEqual(error?.line, 4)
            XCTAssertEqual(error?.message, "elements nested more than \(XMLStreamReader.maximumDepth) deep")
            XCTAssertTrue(error?.description.hasPrefix("deep.xml:4:") == true)
        }
    }

    func testDeepElementsInAFeedAreRefusedWithTheirPlace() {
        let xml = feed(description: nested("<b>", "</b>", count: Self.deep))
        XCTAssertThrowsError(try FeedParser().parse(data: Data(xml.utf8), sourceName: "deep.rss")) { error in
            let error = error as? FormatError
            XCTAssertEqual(error?.source, "deep.rss")
            XCTAssertEqual(error?.line, 3)
            XCTAssertEqual(error?.message, "elements nested more than \(XMLStreamReader.maximumDepth) deep")
        }
    }

    func testNestingJustUnderTheCapIsSerializedWhole() throws {
        // Given a description whose child elements reach just under the cap (rss > channel >
        // item > description take four levels)
        let count = XMLStreamReader.maximumDepth - 4
        let xml = feed(description: nested("<b>", "</b>", count: count))
        // When it is parsed, then the markup is kept whole around the innermost word
        let post = try XCTUnwrap(try FeedParser().parse(data: Data(xml.utf8), sourceName: "ok.rss").items.first).post
        XCTAssertEqual(post.excerptHTML, nested("<b>", "</b>", count: count))
    }

    func testDeepHTMLInsideATitleGivesItsText() throws {
        // Given an export title carrying 100,000 nested HTML tags as text (escaped)
        let xml = export(title: nested("&lt;i&gt;", "&lt;/i&gt;", count: Self.deep))
        // When it is parsed
        var titles: [String] = []
        try WXRParser().parse(
            data: Data(xml.utf8), sourceName: "deep.xml", onChannel: { _ in }, onItem: { titles.append($0.post.title) })
        // Then the title is the word inside
        XCTAssertEqual(titles, ["deep"])
    }

    func testDeepHTMLBodyGivesItsTextAndRichText() {
        // Given a body of 100,000 nested blocks, quotes, lists, styles and links
        let open = "<div><blockquote><ul><li><b><a href=\"/x\">"
        let close = "</a></b></li></ul></blockquote></div>"
        let html = nested(open, close, count: Self.deep / 6)
        // When it is converted, then the word inside comes out, linked once
        XCTAssertEqual(HTMLConverter.plainText(fromHTML: html), "deep")
        let rich = HTMLConverter.richText(fromHTML: html, baseURL: "https://blog.example/")
        XCTAssertEqual(rich.links, ["https://blog.example/x"])
        XCTAssertEqual(allText(rich.blocks), "deep")
    }

    func testManyLeadingBreaksAreDropped() {
        // Given a paragraph that opens with 100,000 line breaks
        let html = "<p>" + String(repeating: "<br>", count: Self.deep) + "text<br><br></p>"
        // When it is converted, then only the text is left
        XCTAssertEqual(HTMLConverter.richText(fromHTML: html).blocks, [.paragraph([RichSpan("text")])])
    }

    func testClosingTagsOfBlocksNeverOpenedAreIgnored() {
        // Given a classic-editor body (it has newlines) that opens 100,000 divs, then closes
        // as many paragraphs that were never opened
        let html =
            String(repeating: "<div>", count: Self.deep) + "one\n\ntwo" + String(repeating: "</p>", count: Self.deep)
        // When WordPress's paragraphs are applied, then the text still splits at the blank line
        let text = HTMLConverter.richText(fromHTML: html)
        XCTAssertEqual(allText(text.blocks), "one\ntwo")
    }

    func testStrayEndTagsInsideDeepNestingGiveTheText() {
        // Given 100,000 open divs, then as many end tags of elements never opened (libxml2
        // looks for each one through all the open elements)
        let html =
            String(repeating: "<div>", count: Self.deep) + "deep" + String(repeating: "</span>", count: Self.deep)
        // When it is converted, then the text comes out
        XCTAssertEqual(HTMLConverter.plainText(fromHTML: html), "deep")
        XCTAssertEqual(allText(HTMLConverter.richText(fromHTML: html).blocks), "deep")
    }

    func testNestingPastTheHTMLCapKeepsTextParagraphsAndLinks() {
        // Given sloppy markup whose unclosed spans nest past the cap, a link and a script
        let count = HTMLSAXParser.maximumDepth
        let html = String(repeating: "<p><span>x ", count: count) + "<a href=\"/l\">link</a> <script>evil()</script>end"
        // When it is converted
        let rich = HTMLConverter.richText(fromHTML: html, baseURL: "https://blog.example/")
        // Then every word is there, the paragraphs and the link too, and no script
        XCTAssertEqual(rich.blocks.count, count)
        XCTAssertEqual(allText(rich.blocks), String(repeating: "x\n", count: count - 1) + "x link end")
        XCTAssertEqual(rich.links, ["https://blog.example/l"])
        XCTAssertEqual(
            HTMLConverter.plainText(fromHTML: html),
            Array(repeating: "x", count: count).joined(separator: " ") + " link end")
    }

    func testFlatteningDropsHiddenContentAndComments() {
        let html =
            "<div><b>a</b><!-- <p>no --><style>p{}</style><STYLE>q{}</style >"
            + "<td>b<td>c<img alt=\"i\"><a href=\"/1\">one<a href=\"/2\">two</a></a>&amp;</div>"
        XCTAssertEqual(
            HTMLNestingFlattener.flatten(html),
            "<p>a b c<img alt=\"i\"><a href=\"/1\">one</a><a href=\"/2\">two</a>&amp;<p>")
    }

    /// The text of every paragraph, one per line, depth first; iterative, as the input is deep.
    private func allText(_ blocks: [RichBlock]) -> String {
        var pieces: [String] = []
        var stack: [ArraySlice<RichBlock>] = [blocks[...]]
        while var top = stack.popLast() {
            guard let block = top.popFirst() else { continue }
            stack.append(top)
            switch block {
            case .paragraph(let spans), .heading(_, let spans): pieces.append(spans.map(\.text).joined())
            case .list(_, let items): stack.append(contentsOf: items.reversed().map { $0[...] })
            case .quote(let inner): stack.append(inner[...])
            case .preformatted(let text): pieces.append(text)
            case .rule: pieces.append("---")
            }
        }
        return pieces.joined(separator: "\n")
    }
}
