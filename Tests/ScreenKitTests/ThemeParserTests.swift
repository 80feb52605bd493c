import ScreenKit
import XCTest

/// Theme text, as a theme file holds it, into styles.
final class ThemeParserTests: XCTestCase {
    func testColoursAndAttributesParse() throws {
        let theme = try ThemeParser.parse(
            ##"[post_list]\##nselected = { fg = "black", bg = "#ff0000", bold = true }"## + "\n"
                + #"[ui]\#nnormal = { fg = 208, bg = "bright-blue" }"#,
            name: "t", file: "t.toml")
        XCTAssertEqual(
            theme.style(for: .listSelected), TextStyle(foreground: .ansi(0), background: .indexed(196), bold: true))
        XCTAssertEqual(theme.style(for: .normal).foreground, .indexed(208))
        XCTAssertEqual(theme.style(for: .normal).background, .ansi(12))
        XCTAssertEqual(theme.style(for: .heading), theme.style(for: .normal))
        XCTAssertEqual(ThemeColor.eightColor(.indexed(196)), .ansi(1))
        XCTAssertEqual(theme.monochrome.style(for: .listSelected).background, .default)
    }

    func testErrorsNameTheFileAndTheKey() {
        XCTAssertThrowsError(
            try ThemeParser.parse(#"[thread]\#nauthor = { fg = "chartreuse" }"#, name: "x", file: "x.toml")
        ) { error in
            XCTAssertEqual(
                "\(error)", "x.toml: thread.author.fg: unknown colour (use a name, colorN, 0-255 or #rrggbb)")
        }
        XCTAssertThrowsError(try ThemeParser.parse(#"[thread]\#nnonsense = {}"#, name: "x", file: "x.toml")) { error in
            XCTAssertEqual((error as? ThemeError)?.key, "thread.nonsense")
        }
    }
}
