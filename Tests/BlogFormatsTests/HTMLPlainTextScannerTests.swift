import XCTest

@testable import BlogFormats

/// The scanner must read exactly what libxml2 reads, or refuse.
final class HTMLPlainTextScannerTests: XCTestCase {
    private func libxml2(_ html: String) -> String {
        HTMLPlainTextExtractor().text(ofMarkup: html)
    }

    func testTidyMarkupIsReadAsLibxml2ReadsIt() {
        let bodies = [
            "<p>A large <a href=\"https://example.net/x\">link</a> &amp; more&#8217;s &mdash; end.</p>\n<ol>\n<li>One</li>\n<li>Two &hellip;</li>\n</ol>",
            "<h2 id=top>Title</h2><blockquote><p>Quoted<br/>line</p></blockquote><!-- more --><p>東京 naïve&nbsp;x</p>",
            "Leading text<div>block</div>tail <b>bold</b><img src='a.png' alt=\"a > b\"><hr>after",
            "<table><tbody><tr><td>a</td><td>b&#x2019;</td></tr></tbody></table><pre>\n  code  </pre>",
            "<P CLASS=x>Upper</P><span/>x<figure><img src=x/><figcaption>cap</figcaption></figure>",
        ]
        for html in bodies {
            XCTAssertEqual(HTMLPlainTextScanner.text(ofMarkup: html), libxml2(html), html)
        }
    }

    func testMarkupLibxml2RepairsOrReinterpretsIsLeftToIt() {
        let refused = [
            "a</div>b",  // a stray end tag libxml2 ignores
            "<p>a<ul><li>b</li></ul>c</p>",  // libxml2 closes the p at the list
            "<b>x<p>y</p></b>",  // and a b at a p
            "<em>a</p>",  // misnested
            "<script>x</script>", "<style>p{}</style>",  // hidden
            "<custom-tag>x</custom-tag>", "<video>x</video>",  // unknown or hidden
            "a & b", "a &amp b", "&bogus;", "&#0;", "&#x1;", "&#X41;",  // references libxml2 reads its own way
            "a < b", "<!DOCTYPE html><p>x</p>", "<![CDATA[x]]>", "<?php x ?>", "<!--->", "<!-- a -- b -->",
            "<p class=\"a\"title=\"b\">x</p>", "<p =x>y</p>", "<p a=>y</p>",  // attributes libxml2 repairs
            "<p>x\u{0001}y</p>",  // a control character
        ]
        for html in refused {
            XCTAssertNil(HTMLPlainTextScanner.text(ofMarkup: html), html)
            // and the converter still answers, through libxml2
            XCTAssertEqual(HTMLConverter.plainText(fromHTML: html), libxml2(html), html)
        }
    }

    func testRandomNestedMarkupIsReadAsLibxml2ReadsItOrRefused() {
        let names = [
            "p", "div", "section", "address", "center", "figure", "figcaption", "table", "thead", "tbody", "tfoot",
            "tr", "td", "th", "caption", "dl", "dt", "dd", "h1", "h3", "ul", "ol", "li", "blockquote", "pre", "a", "b",
            "strong", "i", "em", "code", "tt", "span", "u", "s", "small", "big", "q", "font", "mark", "P", "Div",
        ]
        let leaves = [
            "text", " ", "\n", "  x  ", "&amp;", "&nbsp;", "&#8217;", "&#x201c;", "&hellip;", "<br>", "<br/>", "<hr>",
            "<img src=\"i\" alt=\"a\">", "<!-- note -->", "é", "東京", "a > b", "&lt;tag&gt;", "&#160;",
        ]
        var random = SplitMix64(seed: 13)
        func node(_ depth: Int) -> String {
            if depth > 4 || random.next(3) == 0 { return leaves[random.next(leaves.count)] }
            let name = names[random.next(names.count)]
            let attributes = ["", " class=\"c\"", " id=x", " title='t t'", " data-a=\"1\" hidden"][random.next(5)]
            let children = (0..<random.next(4)).map { _ in node(depth + 1) }.joined()
            return "<\(name)\(attributes)>\(children)</\(name.lowercased())>"
        }
        var read = 0
        for _ in 0..<4000 {
            let html = (0..<1 + random.next(3)).map { _ in node(0) }.joined()
            guard let text = HTMLPlainTextScanner.text(ofMarkup: html) else { continue }
            read += 1
            XCTAssertEqual(text, libxml2(html), html)
        }
        XCTAssertGreaterThan(read, 1000)
    }
}

/// A seeded generator, so the random markup is the same on every run.
private struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((value ^ (value >> 31)) % UInt64(bound))
    }
}
