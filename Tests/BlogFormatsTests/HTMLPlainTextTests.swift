import BlogModel
import XCTest

@testable import BlogFormats

final class HTMLPlainTextTests: XCTestCase {
    func testTextIsOneLineWithoutMarkupOrLinkNumbers() {
        let html = "<h2>Title</h2><p>Some <a href=\"/x\">linked</a>\n text.</p><ul><li>a</li><li>b</li></ul>"
        XCTAssertEqual(HTMLConverter.plainText(fromHTML: html), "Title Some linked text. a b")
    }

    func testBreaksCellsAndEntitiesBecomeSpacesAndCharacters() {
        XCTAssertEqual(
            HTMLConverter.plainText(fromHTML: "a<br>b<table><tr><td>c</td><td>d&amp;e</td></tr></table>"),
            "a b c d&e")
    }

    func testPlainCommentTextIsCollapsed() {
        XCTAssertEqual(
            HTMLConverter.plainText(fromHTML: "  Great post!\n\nThanks  \t a lot. "), "Great post! Thanks a lot.")
        XCTAssertEqual(HTMLConverter.plainText(fromHTML: ""), "")
    }

    func testHiddenContentAndShortcodesAreLeftOut() {
        let html = "[caption id=\"1\"]<img alt=\"x\">Dog[/caption]<script>alert(1)</script><style>p{}</style> here"
        XCTAssertEqual(HTMLConverter.plainText(fromHTML: html), "Dog here")
    }

    func testCommentSizedBodiesKeepTheirWordsAndLoseTheirMarkup() {
        let comments = (0..<400).map { index in
            index % 2 == 0
                ? "Thanks for this post, number \(index)!\n\nI especially liked the second part."
                : "<p>I <em>disagree</em> with <a href=\"http://example.com/\(index)\">this</a> &amp; that.</p>\n<p>Second paragraph.</p>"
        }
        for (index, comment) in comments.enumerated() {
            let text = HTMLConverter.plainText(fromHTML: comment)
            XCTAssertFalse(text.contains("<"), text)
            XCTAssertTrue(
                index % 2 == 0 ? text.contains("number \(index)!") : text.contains("disagree with this & that."), text)
        }
    }
}
