import BlogModel
import XCTest

@testable import ReaderCore

/// `thread.scroll` is the comment at the top; reduce moves it up with the cursor and, after
/// every action, to where the thread pane draws from.
final class ThreadViewportSteppingTests: XCTestCase {
    private typealias F = ReaderFixtures

    /// 40 top-level comments, 1…40, in the 120×40 stacked layout: the thread pane has 25
    /// rows, and a comment takes three (header, text, and the line before the next).
    private func makeFlatThread() -> AppState {
        F.makeThreadState((1...40).map { F.makeComment($0) })
    }

    func testMovingDownBottomAlignsTheCursor() {
        var state = makeFlatThread()
        // When j is pressed 20 times
        for _ in 0..<20 { F.press(&state, .character("j")) }
        // Then the cursor moved and the top followed it: comment 21 is drawn whole with the
        // seven comments above it that fit, from comment 14
        XCTAssertEqual(F.selectedID(state), "21")
        XCTAssertEqual(state.thread.scroll, 13)
        let view = state.threadViewport
        XCTAssertEqual(view.selectedLinesBelow, 0)
        XCTAssertEqual(view.rowAtLine[21...22], [20, 20])
        XCTAssertEqual(view.shownComments, 9)
    }

    func testMovingUpPastTheTopPutsTheCursorAtTheTop() {
        var state = makeFlatThread()
        for _ in 0..<20 { F.press(&state, .character("j")) }
        XCTAssertEqual(state.thread.scroll, 13)
        // When the cursor goes back above comment 14
        for _ in 0..<8 { F.press(&state, .character("k")) }
        // Then the top follows it
        XCTAssertEqual(F.selectedID(state), "13")
        XCTAssertEqual(state.thread.scroll, 12)
        // And g goes to the very top
        F.press(&state, .character("g"))
        XCTAssertEqual(state.thread.scroll, 0)
    }

    func testPageMovesByTheCommentsThatFit() {
        var state = makeFlatThread()
        // Given the pane showing 9 comments from the top
        XCTAssertEqual(state.threadViewport.shownComments, 9)
        // When PageDown, Then cursor and top both move 8 comments (one stays in view)
        F.press(&state, .pageDown)
        XCTAssertEqual(F.selectedID(state), "9")
        XCTAssertEqual(state.thread.scroll, 8)
        // When PageUp, Then back
        F.press(&state, .pageUp)
        XCTAssertEqual(F.selectedID(state), "1")
        XCTAssertEqual(state.thread.scroll, 0)
        // When paging past the end, Then the last comment, and the top never passes the cursor
        for _ in 0..<10 { F.press(&state, .pageDown) }
        XCTAssertEqual(F.selectedID(state), "40")
        XCTAssertLessThanOrEqual(state.thread.scroll, state.thread.selectedVisibleIndex)
    }

    func testPageBeforeAnyFrameMovesByTheCommentsThatFit() {
        // Given a thread just loaded, never drawn
        var state = makeFlatThread()
        let shown = state.threadViewport.shownComments
        // When PageDown, Then the page is what the pane holds less one, not a guess from its height
        F.press(&state, .pageDown)
        XCTAssertEqual(state.thread.selectedVisibleIndex, shown - 1)
        XCTAssertEqual(F.selectedID(state), "9")
    }

    func testAStaleTopSettlesOnACommentOfTheThread() {
        var state = makeFlatThread()
        F.press(&state, .character("G"))
        let settled = state.thread.scroll
        XCTAssertEqual(settled, 32, "comment 40 with the seven above it")
        // When the top is out of range as the next action comes
        for stale in [999, -4] {
            state.thread.scroll = stale
            _ = reduce(&state, .message("tick", isError: false))
            // Then it is back where the pane draws from
            XCTAssertEqual(state.thread.scroll, settled)
        }
    }

    func testSelectThreadRowUnfoldsFocusesAndIgnoresBadRows() {
        // Given 1 ─ 2 ─ 3 with 1 folded and the post list focused
        var state = F.makeThreadState([F.makeComment(1), F.makeComment(2, parent: 1), F.makeComment(3, parent: 2)])
        F.press(&state, .character("z"))
        state.focus = .posts
        XCTAssertEqual(F.visibleIDs(state), ["1"])
        // When the runner selects row 2 (comment 3)
        _ = reduce(&state, .selectThreadRow(2))
        // Then it shows, selected, in the focused thread
        XCTAssertEqual(F.selectedID(state), "3")
        XCTAssertEqual(state.focus, .thread)
        XCTAssertEqual(F.visibleIDs(state), ["1", "2", "3"])
        // And a row that does not exist changes nothing
        let before = state
        _ = reduce(&state, .selectThreadRow(7))
        XCTAssertEqual(state, before)
    }
}
