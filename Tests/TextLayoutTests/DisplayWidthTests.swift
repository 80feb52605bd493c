import TextLayout
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testWidthsFollowWcwidthAndEmojiRules() {
        XCTAssertEqual(DisplayWidth.width(of: "hello"), 5)
        XCTAssertEqual(DisplayWidth.width(of: "日本語"), 6)
        XCTAssertEqual(DisplayWidth.width(of: "Ｆｕｌｌ"), 8)
        XCTAssertEqual(DisplayWidth.width(of: "e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.width(of: Character("😀")), 2)
        XCTAssertEqual(DisplayWidth.width(of: Character("👩‍👩‍👧‍👦")), 2)
        XCTAssertEqual(DisplayWidth.width(of: Character("🇫🇷")), 2)
        XCTAssertEqual(DisplayWidth.width(of: Character("👍🏽")), 2)
        XCTAssertEqual(DisplayWidth.width(of: Character("❤\u{FE0F}")), 2)
        XCTAssertEqual(DisplayWidth.width(of: Character("❤")), 1)
        XCTAssertEqual(DisplayWidth.width(of: "שלום"), 4)
        XCTAssertEqual(DisplayWidth.width(of: Unicode.Scalar(0x200B)!), 0)
    }

    func testLongClustersAreReducedToTheirBaseForACell() {
        let family = Character("👩‍👩‍👧‍👦")
        XCTAssertEqual(DisplayWidth.cellText(family), "👩")
        XCTAssertEqual(DisplayWidth.cellText(Character("👨‍👩‍👧")), "👨")
        // ncurses holds one spacing character per cell: a flag and a skin tone keep their base
        XCTAssertEqual(DisplayWidth.cellText(Character("🇫🇷")), "🇫")
        XCTAssertEqual(DisplayWidth.cellText(Character("👍🏽")), "👍")
        XCTAssertEqual(DisplayWidth.truncate("日本語のタイトル", to: 7), "日本語…")
    }

    func testCombiningMarksStayWithTheirBaseAndInvisibleScalarsNeverReachACell() {
        XCTAssertEqual(DisplayWidth.cellText(Character("e\u{301}")), "e\u{301}")
        XCTAssertEqual(DisplayWidth.cellText(Character("\u{301}")), " \u{301}")
        XCTAssertEqual(DisplayWidth.cellText(Character("❤\u{FE0F}")), "❤")
        XCTAssertEqual(DisplayWidth.cellText(Character("a\u{200C}")), "a")
        XCTAssertEqual(DisplayWidth.cellText(Character(" \u{200D}")), " ")
        for invisible in ["\u{FEFF}", "\u{200B}", "\u{2060}", "\u{AD}", "\u{200D}", "\u{FE0F}"] {
            let cluster = Character(invisible)
            XCTAssertEqual(
                DisplayWidth.width(of: cluster), 0, "U+\(String(invisible.unicodeScalars.first!.value, radix: 16))")
            XCTAssertEqual(DisplayWidth.cellText(cluster), "")
        }
        XCTAssertEqual(DisplayWidth.width(of: "a\u{FEFF}b\u{200B}c"), 3)
    }
}
