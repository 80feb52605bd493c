import Foundation
import ScreenKit
import XCTest

final class ThemeLoaderTests: XCTestCase {
    var themesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes")
    }

    func testEveryShippedThemeLoadsAndCoversEverySlot() throws {
        for name in ["default", "light", "solarized-dark", "high-contrast", "mono"] {
            let theme = try ThemeLoader.load(named: name, from: [themesDirectory])
            XCTAssertTrue(theme.coversEverySlot, name)
        }
        XCTAssertEqual(try ThemeLoader.load(named: "default", from: [themesDirectory]).styles, Theme.builtInDefault.styles)
        XCTAssertEqual(try ThemeLoader.load(named: "mono", from: [themesDirectory]).styles, Theme.builtInMono.styles)
    }

    func testColoursAndAttributesParse() throws {
        let theme = try ThemeLoader.parse(
            ##"[post_list]\##nselected = { fg = "black", bg = "#ff0000", bold = true }"## + "\n" + #"[ui]\#nnormal = { fg = 208, bg = "bright-blue" }"#,
            name: "t", file: "t.toml")
        XCTAssertEqual(theme.style(for: .listSelected), TextStyle(foreground: .ansi(0), background: .indexed(196), bold: true))
        XCTAssertEqual(theme.style(for: .normal).foreground, .indexed(208))
        XCTAssertEqual(theme.style(for: .normal).background, .ansi(12))
        XCTAssertEqual(theme.style(for: .heading), theme.style(for: .normal))
        XCTAssertEqual(ThemeColor.eightColor(.indexed(196)), .ansi(1))
        XCTAssertEqual(theme.monochrome.style(for: .listSelected).background, .default)
    }

    func testErrorsNameTheFileAndTheKey() {
        XCTAssertThrowsError(try ThemeLoader.parse(#"[thread]\#nauthor = { fg = "chartreuse" }"#, name: "x", file: "x.toml")) { error in
            XCTAssertEqual("\(error)", "x.toml: thread.author.fg: unknown colour (use a name, colorN, 0-255 or #rrggbb)")
        }
        XCTAssertThrowsError(try ThemeLoader.parse(#"[thread]\#nnonsense = {}"#, name: "x", file: "x.toml")) { error in
            XCTAssertEqual((error as? ThemeError)?.key, "thread.nonsense")
        }
    }

    func testNoColorGivesTheMonoTheme() throws {
        let theme = try ThemeLoader.resolve(named: "default", from: [themesDirectory], environment: ["NO_COLOR": "1"])
        XCTAssertTrue(StyleSlot.allCases.allSatisfy { theme.style(for: $0).foreground == .default })
    }
}
