import Foundation
import ReaderRuntime
import ScreenKit
import XCTest

/// The theme files shipped in `themes/`, found and read as the reader does.
final class ThemeFilesTests: XCTestCase {
    var themesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes")
    }

    func testEveryShippedThemeLoadsAndCoversEverySlot() throws {
        for name in ["default", "light", "solarized-dark", "high-contrast", "mono"] {
            let theme = try ThemeFiles.load(named: name, from: [themesDirectory])
            XCTAssertTrue(theme.coversEverySlot, name)
        }
        XCTAssertEqual(
            try ThemeFiles.load(named: "default", from: [themesDirectory]).styles, Theme.builtInDefault.styles)
        XCTAssertEqual(try ThemeFiles.load(named: "mono", from: [themesDirectory]).styles, Theme.builtInMono.styles)
    }

    func testEveryShippedThemeDrawsThePostsAuthorAndMutedCommentsItsOwnWay() throws {
        for name in ["default", "light", "solarized-dark", "high-contrast", "mono"] {
            let file = try String(
                contentsOf: themesDirectory.appendingPathComponent("\(name).toml"), encoding: .utf8)
            // Named in the file itself, not left to fall back on `normal`, and listed in its header
            XCTAssertTrue(file.contains("\npost_author = {"), name)
            XCTAssertTrue(file.contains("\nmuted = {"), name)
            XCTAssertTrue(file.contains("post_author (the post's author"), name)
            let theme = try ThemeFiles.load(named: name, from: [themesDirectory])
            XCTAssertNotEqual(theme.style(for: .commentPostAuthor), theme.style(for: .commentAuthor), name)
            XCTAssertNotEqual(theme.style(for: .commentMuted), theme.style(for: .normal), name)
        }
        let mono = try ThemeFiles.load(named: "mono", from: [themesDirectory])
        XCTAssertEqual(mono.style(for: .commentPostAuthor).foreground, .default)
    }

    func testNoColorGivesTheMonoTheme() throws {
        let theme = try ThemeFiles.resolve(named: "default", from: [themesDirectory], environment: ["NO_COLOR": "1"])
        XCTAssertTrue(StyleSlot.allCases.allSatisfy { theme.style(for: $0).foreground == .default })
    }

    func testAMissingThemeIsNamed() {
        XCTAssertThrowsError(try ThemeFiles.load(named: "no-such-theme", from: [themesDirectory])) { error in
            XCTAssertEqual("\(error)", "no-such-theme.toml: no such theme")
        }
    }
}
