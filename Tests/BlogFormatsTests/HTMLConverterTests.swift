import BlogModel
import XCTest

@testable import BlogFormats

final class HTMLConverterTests: XCTestCase {
    private func convert(_ html: String, base: String? = nil) -> RichText {
        HTMLConverter.richText(fromHTML: html, baseURL: base)
    }

    private func paragraph(_ text: String) -> RichBlock { .paragraph([RichSpan(text)]) }

    func testParagraphsAndDivsBecomeSeparateBlocks() {
        let text = convert("<p>One   two\n three</p><div>Four</div>Five")
        XCTAssertEqual(text.blocks, [paragraph("One two three"), paragraph("Four"), paragraph("Five")])
    }

    func testInlineStylesBecomeStyledSpans() {
        let text = convert("<p>a <b>bold</b> <em>it</em> <strong><i>both</i></strong> <code>x()</code></p>")
        XCTAssertEqual(
            text.blocks,
            [
                .paragraph([
                    RichSpan("a "), RichSpan("bold", style: .bold), RichSpan(" "),
                    RichSpan("it", style: .italic), RichSpan(" "),
                    RichSpan("both", style: [.bold, .italic]), RichSpan(" "),
                    RichSpan("x()", style: .code),
                ])
            ])
    }

    func testHardBreakIsASpanOfItsOwnHoldingANewline() {
        let text = convert("<p>line one<br>line two<br/><br>line three<br></p>")
        XCTAssertEqual(
            text.blocks,
            [
                .paragraph([
                    RichSpan("line one"), RichSpan("\n"), RichSpan("line two"), RichSpan("\n"),
                    RichSpan("\n"), RichSpan("line three"),
                ])
            ])
    }

    func testHeadingsKeepTheirLevel() {
        let text = convert("<h1>Top</h1><h3>Sub <i>part</i></h3>")
        XCTAssertEqual(
            text.blocks,
            [
                .heading(level: 1, [RichSpan("Top")]),
                .heading(level: 3, [RichSpan("Sub "), RichSpan("part", style: .italic)]),
            ])
    }

    func testLinksAreNumberedInReadingOrderAndReusedForTheSameURL() {
        let html = """
            <p><a href="/a">first</a> and <a href="//cdn.example.org/b">second</a>,
            <a href="https://example.com/a">first again</a>, <a href="javascript:alert(1)">js</a>,
            <a name="anchor">plain</a></p>
            """
        let text = convert(html, base: "https://example.com/post/1")
        XCTAssertEqual(text.links, ["https://example.com/a", "https://cdn.example.org/b"])
        XCTAssertEqual(
            text.blocks,
            [
                .paragraph([
                    RichSpan("first", style: .link, link: 0), RichSpan(" and "),
                    RichSpan("second", style: .link, link: 1), RichSpan(", "),
                    RichSpan("first again", style: .link, link: 0), RichSpan(", js, plain"),
                ])
            ])
    }

    func testRelativeLinkWithoutBaseIsKeptAsWritten() {
        let text = convert("<a href=\"page.html\">p</a>")
        XCTAssertEqual(text.links, ["page.html"])
    }

    func testImagesBecomeMarkers() {
        let text = convert("<p><img src=\"a.png\" alt=\"A  cat\"> <img src=\"b.png\"></p>")
        XCTAssertEqual(
            text.blocks,
            [
                .paragraph([
                    RichSpan("[image: A cat]", style: .image), RichSpan(" "),
                    RichSpan("[image]", style: .image),
                ])
            ])
    }

    func testImageInsideLinkCarriesTheLink() {
        let text = convert("<a href=\"http://x.org/\"><img alt=\"logo\"></a>")
        XCTAssertEqual(text.blocks, [.paragraph([RichSpan("[image: logo]", style: [.image, .link], link: 0)])])
    }

    func testPreformattedKeepsWhitespaceAndExpandsTabs() {
        let text = convert("<pre>\nif x {\n\treturn  1\n}\nab\tc</pre><p>after</p>")
        XCTAssertEqual(
            text.blocks,
            [.preformatted("if x {\n        return  1\n}\nab      c"), paragraph("after")])
    }

    func testPreformattedDropsMarkupButKeepsItsText() {
        let text = convert("<pre><code>let <b>x</b> = 1\n  y</code></pre>")
        XCTAssertEqual(text.blocks, [.preformatted("let x = 1\n  y")])
    }

    func testNestedListsAndLooseText() {
        let html = "<ul><li>one</li><li>two<ol><li>a</li><li><p>b</p><p>c</p></li></ol></li></ul>"
        let text = convert(html)
        XCTAssertEqual(
            text.blocks,
            [
                .list(
                    ordered: false,
                    items: [
                        [paragraph("one")],
                        [
                            paragraph("two"),
                            .list(ordered: true, items: [[paragraph("a")], [paragraph("b"), paragraph("c")]]),
                        ],
                    ])
            ])
    }

    func testUnclosedListItemsAreClosedByTheNextItem() {
        let text = convert("<ol><li>one<li>two</ol>after")
        XCTAssertEqual(
            text.blocks,
            [.list(ordered: true, items: [[paragraph("one")], [paragraph("two")]]), paragraph("after")])
    }

    func testBlockquoteAndRule() {
        let text = convert("<blockquote><p>quoted</p><blockquote>deeper</blockquote></blockquote><hr><p>x</p>")
        XCTAssertEqual(
            text.blocks,
            [.quote([paragraph("quoted"), .quote([paragraph("deeper")])]), .rule, paragraph("x")])
    }

    func testTableRowsBecomeParagraphsWithCellsJoined() {
        let html = "<table><tr><th>Name</th><th>Age</th></tr><tr><td><p>Ann</p></td><td>31</td></tr></table>"
        XCTAssertEqual(convert(html).blocks, [paragraph("Name | Age"), paragraph("Ann | 31")])
    }

    func testDefinitionListsAndFigures() {
        let html =
            "<dl><dt>Term</dt><dd>Meaning</dd></dl><figure><img alt=\"pic\"><figcaption>Caption</figcaption></figure>"
        XCTAssertEqual(
            convert(html).blocks,
            [
                .paragraph([RichSpan("Term", style: .bold)]), paragraph("Meaning"),
                .paragraph([RichSpan("[image: pic]", style: .image)]),
                .paragraph([RichSpan("Caption", style: .italic)]),
            ])
    }

    func testHiddenElementsAndCommentsAreDropped() {
        let html = """
            <!-- wp:paragraph --><p>Shown</p><!-- /wp:paragraph -->
            <script>document.write("<p>no</p>")</script><style>p{}</style>
            <noscript>enable js</noscript><iframe src="x">frame</iframe><template><p>t</p></template>
            <p>Also <span class="x">shown</span> <unknown>too</unknown></p>
            """
        XCTAssertEqual(convert(html).blocks, [paragraph("Shown"), paragraph("Also shown too")])
    }

    func testEntitiesAreDecoded() {
        let text = convert("<p>Fish &amp; chips &mdash; &#8220;ok&#8221; &lt;tag&gt; caf&eacute;</p>")
        XCTAssertEqual(text.blocks, [paragraph("Fish & chips — “ok” <tag> café")])
    }

    func testSpaceAfterLinkIsNotUnderlined() {
        let text = convert("<a href=\"http://x/\">link </a>after")
        XCTAssertEqual(
            text.blocks, [.paragraph([RichSpan("link", style: .link, link: 0), RichSpan(" after")])])
    }

    func testEmptyInputGivesEmptyDocument() {
        XCTAssertEqual(convert(""), RichText())
        XCTAssertEqual(convert("<p> </p><div><br></div>"), RichText())
    }
}
