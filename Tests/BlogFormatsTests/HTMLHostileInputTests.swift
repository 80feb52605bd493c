import BlogModel
import XCTest

@testable import BlogFormats

final class HTMLHostileInputTests: XCTestCase {
    private func allText(_ blocks: [RichBlock]) -> String {
        var pending = blocks[...]
        var pieces: [String] = []
        // Iterative on purpose: the point of these tests is deep input.
        var stack: [ArraySlice<RichBlock>] = [pending]
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
        pending = []
        return pieces.joined(separator: "\n")
    }

    func testTenThousandNestedDivsDoNotOverflowTheStack() {
        let html = String(repeating: "<div>", count: 10_000) + "deep" + String(repeating: "</div>", count: 10_000)
        XCTAssertEqual(HTMLConverter.richText(fromHTML: html).blocks, [.paragraph([RichSpan("deep")])])
        XCTAssertEqual(HTMLConverter.plainText(fromHTML: html), "deep")
    }

    func testTenThousandNestedQuotesAndListsAreCappedNotCrashed() {
        let quotes = String(repeating: "<blockquote>", count: 10_000) + "q"
        let lists = String(repeating: "<ul><li>", count: 10_000) + "l"
        for html in [quotes, lists, String(repeating: "<b><i>", count: 10_000) + "x"] {
            let text = HTMLConverter.richText(fromHTML: html)
            XCTAssertTrue(allText(text.blocks).hasSuffix(String(html.last!)))
        }
    }

    func testUnclosedAndMisnestedTagsStillGiveTheText() {
        let html = "<p>one <b>two <i>three</p><p>four</b> five<div><a href='http://x/'>six"
        let text = HTMLConverter.richText(fromHTML: html)
        XCTAssertEqual(allText(text.blocks), "one two three\nfour five\nsix")
        XCTAssertEqual(text.links, ["http://x/"])
    }

    func testOneMegabyteAttributeIsSurvived() {
        let huge = String(repeating: "x", count: 1 << 20)
        let html = "<p title=\"\(huge)\">before <img alt=\"\(huge.prefix(10))\" src=\"\(huge)\"> after</p>"
        let text = HTMLConverter.richText(fromHTML: html)
        XCTAssertEqual(allText(text.blocks), "before [image: xxxxxxxxxx] after")
    }

    func testScriptTextNeverShows() {
        let html = "<p>a</p><script>var s = '</p><p>evil'; alert(1)</script><script>unclosed <b>x</b>"
        XCTAssertEqual(allText(HTMLConverter.richText(fromHTML: html).blocks), "a")
        XCTAssertEqual(HTMLConverter.plainText(fromHTML: html), "a")
    }

    func testTerminalControlSequencesBecomeVisibleStandIns() {
        let osc52 = "\u{1b}]52;c;ZWNobyBwd25lZA==\u{07}"
        let html = "<p>copy\(osc52) clear\u{1b}[2J csi\u{9b}31m rtl\u{202E}txt</p><pre>x\u{1b}[2Jy</pre>"
        let text = HTMLConverter.richText(fromHTML: html)
        let shown = allText(text.blocks)
        for scalar in shown.unicodeScalars where scalar != "\n" {
            XCTAssertFalse(TerminalSafeText.needsReplacement(scalar), "raw U+\(String(scalar.value, radix: 16))")
        }
        XCTAssertTrue(shown.contains("␛]52;c;ZWNobyBwd25lZA==␇"))
        XCTAssertTrue(shown.contains("clear␛[2J"))
        XCTAssertTrue(shown.contains("csi\u{FFFD}31m"))
        XCTAssertTrue(shown.contains("rtl\u{FFFD}txt"))
        XCTAssertTrue(shown.contains("x␛[2Jy"))
        let plain = HTMLConverter.plainText(fromHTML: html)
        XCTAssertFalse(plain.unicodeScalars.contains(where: TerminalSafeText.needsReplacement))
        XCTAssertFalse(HTMLConverter.plainText(fromHTML: "no markup \u{1b}[2J").contains("\u{1b}"))
    }

    func testControlCharactersInLinksAndAltTextAreNeutralised() {
        let html = "<a href=\"http://x/\u{1b}]0;t\u{07}\">l</a><img alt=\"\u{202E}gnp.exe\">"
        let text = HTMLConverter.richText(fromHTML: html)
        XCTAssertFalse(text.links[0].unicodeScalars.contains(where: TerminalSafeText.needsReplacement))
        XCTAssertFalse(allText(text.blocks).unicodeScalars.contains(where: TerminalSafeText.needsReplacement))
    }

    func testEncodedControlCharactersAreNeutralisedToo() {
        let text = HTMLConverter.richText(fromHTML: "<p>a&#27;[2Jb &#x9b; &#8238;</p>")
        XCTAssertFalse(allText(text.blocks).unicodeScalars.contains(where: TerminalSafeText.needsReplacement))
    }

    func testEncodedControlCharactersShowAsVisibleStandIns() {
        // Given a body that writes an escape sequence as character references
        let text = HTMLConverter.richText(fromHTML: "<p>a&#27;[2Jb &#x1B;]52;c;SGk=&#7; &#155;x</p>")
        // Then the reader shows that something was there, without it reaching the terminal
        XCTAssertEqual(allText(text.blocks), "a␛[2Jb ␛]52;c;SGk=␇ \u{FFFD}x")
    }

    func testMetaCharsetCannotReinterpretTheText() {
        let html = "<meta charset=\"iso-8859-1\"><p>café ✓</p>"
        XCTAssertEqual(allText(HTMLConverter.richText(fromHTML: html).blocks), "café ✓")
    }

    func testInvalidBytesAndNULDoNotStopTheParse() {
        let html = "<p>a\u{0}b</p><p>after</p>"
        XCTAssertTrue(allText(HTMLConverter.richText(fromHTML: html).blocks).hasSuffix("after"))
    }
}
