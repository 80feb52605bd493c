import BlogModel
import XCTest

@testable import BlogFormats

/// Raw `post_content` as a WordPress export stores it: classic-editor bodies and shortcodes.
final class HTMLWordPressContentTests: XCTestCase {
    private func blocks(_ html: String) -> [RichBlock] {
        HTMLConverter.richText(fromHTML: html).blocks
    }

    private func paragraph(_ text: String) -> RichBlock { .paragraph([RichSpan(text)]) }

    func testBlankLinesSeparateParagraphsAndSingleNewlinesBreakLines() {
        let body = "First paragraph,\nsecond line.\n\nNext <b>paragraph</b>.\r\n\r\n\n  Last."
        XCTAssertEqual(
            blocks(body),
            [
                .paragraph([RichSpan("First paragraph,"), RichSpan("\n"), RichSpan("second line.")]),
                .paragraph([RichSpan("Next "), RichSpan("paragraph", style: .bold), RichSpan(".")]),
                paragraph("Last."),
            ])
    }

    func testClassicBodyMixingTextAndBlockTags() {
        let body = "Intro line\n\n<h2>Title</h2>\nText after\nthe heading\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\nEnd"
        XCTAssertEqual(
            blocks(body),
            [
                paragraph("Intro line"),
                .heading(level: 2, [RichSpan("Title")]),
                .paragraph([RichSpan("Text after"), RichSpan("\n"), RichSpan("the heading")]),
                .list(ordered: false, items: [[paragraph("one")], [paragraph("two")]]),
                paragraph("End"),
            ])
    }

    func testNewlinesInsidePreAndInsideTagsAreNotBreaks() {
        let body = "Code:\n\n<pre>a\n\nb</pre>\n\nSee <a\nhref=\"http://x.org/\">this</a>\nnow"
        let text = HTMLConverter.richText(fromHTML: body)
        XCTAssertEqual(
            text.blocks,
            [
                paragraph("Code:"), .preformatted("a\n\nb"),
                .paragraph([
                    RichSpan("See "), RichSpan("this", style: .link, link: 0), RichSpan("\n"), RichSpan("now"),
                ]),
            ])
    }

    func testStructuredHTMLIsLeftAsTheBrowserWouldShowIt() {
        XCTAssertEqual(blocks("<p>one\ntwo</p>\n<p>three</p>"), [paragraph("one two"), paragraph("three")])
        let gutenberg = "<!-- wp:paragraph -->\n<p>Block\nbody</p>\n<!-- /wp:paragraph -->\n\nloose"
        XCTAssertEqual(blocks(gutenberg), [paragraph("Block body"), paragraph("loose")])
    }

    func testCaptionShortcodeKeepsImageAndCaption() {
        let body = """
            [caption id="attachment_1" align="alignnone" width="300"]<img src="a.jpg" alt="A dog" /> A good dog[/caption]

            After.
            """
        XCTAssertEqual(
            blocks(body),
            [.paragraph([RichSpan("[image: A dog]", style: .image), RichSpan(" A good dog")]), paragraph("After.")])
    }

    func testOnlyKnownOrPairedShortcodesAreRemoved() {
        let body =
            "[gallery ids=\"1,2\"] Quote [sic] and [1]. [note color=\"red\"]Careful[/note] [[caption]] [embed]http://v.example/1[/embed]"
        XCTAssertEqual(
            blocks(body), [paragraph("Quote [sic] and [1]. Careful [[caption]] http://v.example/1")])
    }

    func testShortcodeLookalikesInsideAttributesAreKept() {
        let text = HTMLConverter.richText(fromHTML: "<a href=\"http://x.org/[gallery]\">x</a>")
        XCTAssertEqual(text.links.count, 1)
        XCTAssertTrue(text.links.first?.contains("gallery") ?? false)
    }
}
