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
        XCTAssertEqual(HTMLConverter.plainText(fromHTML: "  Great post!\n\nThanks  \t a lot. "), "Great post! Thanks a lot.")
        XCTAssertEqual(HTMLConverter.plainText(fromHTML: ""), "")
    }

    func testHiddenContentAndShortcodesAreLeftOut() {
        let html = "[caption id=\"1\"]<img alt=\"x\">Dog[/caption]<script>alert(1)</script><style>p{}</style> here"
        XCTAssertEqual(HTMLConverter.plainText(fromHTML: html), "Dog here")
    }

    /// Not a benchmark, a tripwire: a debug build must stay far above what an import needs.
    func testThroughputOnCommentSizedBodies() {
        let comments = (0..<4000).map { index in
            index % 2 == 0
                ? "Thanks for this post, number \(index)!\n\nI especially liked the second part."
                : "<p>I <em>disagree</em> with <a href=\"http://example.com/\(index)\">this</a> &amp; that.</p>\n<p>Second paragraph with some more words in it.</p>"
        }
        let bytes = comments.reduce(0) { $0 + $1.utf8.count }
        let start = ContinuousClock.now
        var total = 0
        for comment in comments { total += HTMLConverter.plainText(fromHTML: comment).utf8.count }
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        let megabytesPerSecond = Double(bytes) / 1_000_000 / max(seconds, 1e-9)
        print("plainText throughput: \(String(format: "%.1f", megabytesPerSecond)) MB/s over \(bytes) bytes")
        XCTAssertGreaterThan(total, 0)
        XCTAssertGreaterThan(megabytesPerSecond, 1)
    }
}
