import ScreenKit
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
        XCTAssertEqual(DisplayWidth.cellText(Character("🇫🇷")), "🇫🇷")
        XCTAssertEqual(DisplayWidth.truncate("日本語のタイトル", to: 7), "日本語…")
    }
}
