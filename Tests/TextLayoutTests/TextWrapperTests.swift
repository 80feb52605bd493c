import TextLayout
import XCTest

final class TextWrapperTests: XCTestCase {
    func texts(_ lines: [TextLine]) -> [String] { lines.map(\.text) }

    func testBreaksAtSpacesAndHardBreaksLongWords() {
        XCTAssertEqual(
            texts(TextWrapper.wrap("the quick brown fox jumps", width: 10)), ["the quick", "brown fox", "jumps"])
        XCTAssertEqual(texts(TextWrapper.wrap("abcdefghijkl mn", width: 5)), ["abcde", "fghij", "kl mn"])
    }

    func testCJKBreaksBetweenCharactersAndNewlinesAreKept() {
        XCTAssertEqual(texts(TextWrapper.wrap("日本語の文章です", width: 6)), ["日本語", "の文章", "です"])
        XCTAssertEqual(texts(TextWrapper.wrap("one\ntwo", width: 20)), ["one", "two"])
    }

    func testStylesSurviveWrapping() {
        let lines = TextWrapper.wrap([TextRun("plain "), TextRun("bold words", role: .bold)], width: 11)
        XCTAssertEqual(lines[0].runs, [TextRun("plain "), TextRun("bold", role: .bold)])
        XCTAssertEqual(lines[1].runs, [TextRun("words", role: .bold)])
    }
}
