import XCTest

@testable import ReaderCore

final class ReaderLayoutTests: XCTestCase {
    func testEightyByTwentyFourShowsAllThreePanes() {
        let layout = ReaderLayout(size: ScreenSize(columns: 80, rows: 24), focus: .posts)
        XCTAssertEqual(layout.mode, .stacked)
        XCTAssertEqual(layout.frame(of: .posts), Rect(x: 0, y: 0, width: 80, height: 7))
        XCTAssertEqual(layout.frame(of: .article), Rect(x: 0, y: 7, width: 39, height: 16))
        XCTAssertEqual(layout.frame(of: .thread), Rect(x: 40, y: 7, width: 40, height: 16))
        XCTAssertEqual(layout.status, Rect(x: 0, y: 23, width: 80, height: 1))
        // The thread shows comment text inline: no preview split, the whole pane below the title.
        XCTAssertEqual(layout.threadList, Rect(x: 40, y: 8, width: 40, height: 15))
        XCTAssertEqual(layout.articleTextWidth, 37)
    }

    func testWideScreensUseThreeColumns() {
        let layout = ReaderLayout(size: ScreenSize(columns: 200, rows: 50), focus: .posts)
        XCTAssertEqual(layout.mode, .columns)
        XCTAssertEqual(layout.frame(of: .posts), Rect(x: 0, y: 0, width: 60, height: 49))
        XCTAssertEqual(layout.frame(of: .article), Rect(x: 61, y: 0, width: 80, height: 49))
        XCTAssertEqual(layout.frame(of: .thread), Rect(x: 142, y: 0, width: 58, height: 49))
        XCTAssertEqual(layout.pane(atColumn: 150, row: 10), .thread)
        XCTAssertNil(layout.pane(atColumn: 60, row: 10), "the separator belongs to no pane")
    }

    func testSmallScreensShowOnlyTheFocusedPane() {
        let layout = ReaderLayout(size: ScreenSize(columns: 79, rows: 30), focus: .thread)
        XCTAssertEqual(layout.mode, .single)
        XCTAssertEqual(Array(layout.panes.keys), [.thread])
        XCTAssertEqual(layout.frame(of: .thread), Rect(x: 0, y: 0, width: 79, height: 29))
    }

    func testResizeReflowsAndKeepsTheSelectionOnScreen() {
        var (state, _) = ReaderFixtures.makeStartedState(total: 50)
        for _ in 0..<20 { ReaderFixtures.press(&state, .character("j")) }
        _ = reduce(&state, .input(.resize(columns: 80, rows: 24)))
        XCTAssertEqual(state.layoutMode, .stacked)
        XCTAssertTrue((state.posts.scrollTop..<state.posts.scrollTop + state.visibleRows(of: .posts)).contains(20))
    }
}
