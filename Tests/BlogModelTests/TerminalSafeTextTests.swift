import BlogModel
import XCTest

final class TerminalSafeTextTests: XCTestCase {
    func testEscapeSequencesBecomeVisibleStandIns() {
        let hostile = "a\u{1b}]52;c;SGVsbG8=\u{07}b\u{1b}[2J\u{9b}c\u{202e}d"
        let safe = TerminalSafeText.sanitize(hostile)
        XCTAssertFalse(safe.unicodeScalars.contains(where: TerminalSafeText.needsReplacement))
        XCTAssertTrue(safe.contains("␛]52;c;SGVsbG8=␇b␛[2J"))
    }

    func testEveryScalarThatNeedsReplacingIsCaughtByTheByteCheck() {
        // The fast check reads UTF-8 bytes; it must agree with the scalar rule for every
        // scalar, alone and between ordinary text.
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let alone = String(Character(scalar))
            let expected = TerminalSafeText.needsReplacement(scalar)
            if (TerminalSafeText.sanitize(alone) != alone) != expected {
                XCTFail(String(format: "U+%04X", value))
                return
            }
        }
        XCTAssertEqual(TerminalSafeText.sanitize("a\u{202E}b’c"), "a\u{FFFD}b’c")
        XCTAssertEqual(TerminalSafeText.sanitize("“quoted” — fine"), "“quoted” — fine")
    }

    func testPlainTextIsUntouched() {
        XCTAssertEqual(TerminalSafeText.sanitize("Zoë 田中 👍🏽"), "Zoë 田中 👍🏽")
    }

    func testNewlinesKeptOnlyWhenAsked() {
        XCTAssertEqual(TerminalSafeText.sanitize("a\nb\tc"), "a b c")
        XCTAssertEqual(TerminalSafeText.sanitize("a\nb", keepNewlines: true), "a\nb")
    }
}
