import BlogModel
import Foundation
import ReaderCore
import ScreenKit
import XCTest

final class ScreenSnapshotTests: XCTestCase {
    func makeState(size: ScreenSize) -> AppState { ScreenFixtures.makeState(size: size) }

    func assertNoControls(_ buffer: ScreenBuffer, file: StaticString = #filePath, line: UInt = #line) {
        ScreenFixtures.assertNoControls(buffer, file: file, line: line)
    }

    func testStacked80x24() {
        let buffer = ScreenRenderer.render(
            makeState(size: ScreenSize(columns: 80, rows: 24)), size: ScreenSize(columns: 80, rows: 24))
        assertNoControls(buffer)
        assertSnapshot(buffer, named: "stacked-80x24")
    }

    func testStacked120x40WithThreadFocused() {
        var state = makeState(size: ScreenSize(columns: 120, rows: 40))
        state.focus = .thread
        state.thread.selectedRow = 1
        let buffer = ScreenRenderer.render(state, size: ScreenSize(columns: 120, rows: 40))
        assertNoControls(buffer)
        assertSnapshot(buffer, named: "stacked-120x40-thread")
    }

    func testSinglePane60x20WithHelp() {
        var state = makeState(size: ScreenSize(columns: 60, rows: 20))
        state.mode = .help(scroll: 0)
        let buffer = ScreenRenderer.render(state, size: ScreenSize(columns: 60, rows: 20))
        assertNoControls(buffer)
        assertSnapshot(buffer, named: "single-60x20-help")
    }

    func testFrameDeepInAFiveThousandCommentThreadShowsTheSelectedComment() {
        let comments = (0..<5000).map { index in
            Comment(
                id: Int64(index), sourceID: "\(index)", parentSourceID: index % 7 == 0 ? nil : "\(index - 1)",
                author: "user\(index)", published: Date(timeIntervalSince1970: Double(index)),
                contentHTML: String(repeating: "word ", count: 60))
        }
        var state = makeState(size: ScreenSize(columns: 120, rows: 40))
        state.thread = ScreenFixtures.makeThread(comments: comments)
        state.thread.selectedRow = 2500
        state.thread.scroll = 2490
        let size = ScreenSize(columns: 120, rows: 40)
        let buffer = ScreenRenderer.render(state, size: size)
        let screen = (0..<size.rows).map { row in (0..<size.columns).map { buffer[row, $0].text }.joined() }
        XCTAssertTrue(screen.contains { $0.contains("user2500") }, "the selected comment is drawn")
    }
}
