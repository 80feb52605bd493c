import BlogModel
import XCTest

final class TerminalSafeTextTests: XCTestCase {
    func testEscapeSequencesBecomeVisibleStandIns() {
        let hostile = "a\u{1b}]52;c;SGVsbG8=\u{07}b\u{1b}[2J\u{9b}c\u{202e}d"
        let safe = TerminalSafeText.sanitize(hostile)
        XCTAssertFalse(safe.unicodeScalars.contains(where: TerminalSafeText.needsReplacement))
        XCTAssertTrue(safe.contains("␛]52;c;SGVsbG8=␇b␛[2J"))
    }

    func testPlainTextIsUntouched() {
        XCTAssertEqual(TerminalSafeText.sanitize("Zoë 田中 👍🏽"), "Zoë 田中 👍🏽")
    }

    func testNewlinesKeptOnlyWhenAsked() {
        XCTAssertEqual(TerminalSafeText.sanitize("a\nb\tc"), "a b c")
        XCTAssertEqual(TerminalSafeText.sanitize("a\nb", keepNewlines: true), "a\nb")
    }
}
