import BlogModel
import XCTest

@testable import ReaderCore

/// `thread.scroll` is the comment at the top; reduce moves it up with the cursor and takes
/// the renderer's word for it otherwise.
final class ThreadViewportSteppingTests: XCTestCase {
    private typealias F = ReaderFixtures

    /// 40 top-level comments, 1…40.
    private func makeFlatThread() -> AppState {
        F.makeThreadState((1...40).map { F.makeComment($0) })
    }

    func testMovingDownLeavesTheTopToTheRenderer() {
        var state = makeFlatThread()
        // When j is pressed 20 times with no frame reported
        for _ in 0..<20 { F.press(&state, .character("j")) }
        // Then the cursor moved and the top stayed: the renderer bottom-aligns the cursor
        XCTAssertEqual(F.selectedID(state), "21")
        XCTAssertEqual(state.thread.scroll, 0)
        // When the renderer reports it drew from comment 15 with 7 comments showing
        _ = reduce(&state, .threadViewportChanged(top: 14, shownComments: 7))
        XCTAssertEqual(state.thread.scroll, 14)
        XCTAssertEqual(state.thread.shownComments, 7)
    }

    func testMovingUpPastTheTopPutsTheCursorAtTheTop() {
        var state = makeFlatThread()
        for _ in 0..<20 { F.press(&state, .character("j")) }
        _ = reduce(&state, .threadViewportChanged(top: 14, shownComments: 7))
        // When the cursor goes back above comment 15
        for _ in 0..<7 { F.press(&state, .character("k")) }
        // Then the top follows it
        XCTAssertEqual(F.selectedID(state), "14")
        XCTAssertEqual(state.thread.scroll, 13)
        // And g goes to the very top
        F.press(&state, .character("g"))
        XCTAssertEqual(state.thread.scroll, 0)
    }

    func testPageMovesByTheCommentsThatFit() {
        var state = makeFlatThread()
        // Given a frame that showed 7 comments from the top
        _ = reduce(&state, .threadViewportChanged(top: 0, shownComments: 7))
        // When PageDown, Then cursor and top both move 6 comments (one stays in view)
        F.press(&state, .pageDown)
        XCTAssertEqual(F.selectedID(state), "7")
        XCTAssertEqual(state.thread.scroll, 6)
        // When PageUp, Then back
        F.press(&state, .pageUp)
        XCTAssertEqual(F.selectedID(state), "1")
        XCTAssertEqual(state.thread.scroll, 0)
        // When paging past the end, Then the last comment, and the top never passes the cursor
        for _ in 0..<10 { F.press(&state, .pageDown) }
        XCTAssertEqual(F.selectedID(state), "40")
        XCTAssertLessThanOrEqual(state.thread.scroll, state.thread.selectedVisibleIndex)
    }

    func testPageBeforeAnyFrameGuessesFromThePaneHeight() {
        var state = makeFlatThread()
        // 120×40 stacked: the thread pane has 26 content rows, a guess of 4 rows a comment
        F.press(&state, .pageDown)
        XCTAssertEqual(state.thread.selectedVisibleIndex, state.visibleRows(of: .thread) / 4)
    }

    func testViewportReportIsClampedAndFoldsKeepItValid() {
        var state = makeFlatThread()
        _ = reduce(&state, .threadViewportChanged(top: 999, shownComments: 3))
        XCTAssertEqual(state.thread.scroll, 39)
        _ = reduce(&state, .threadViewportChanged(top: -4, shownComments: 3))
        XCTAssertEqual(state.thread.scroll, 0)
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

    func testMeasuredArticleBoundsScrollingExactly() {
        var (state, _) = F.makeStartedState()
        _ = reduce(&state, .postLoaded(F.makePost(10), RichText(blocks: [.paragraph([RichSpan("short")])])))
        state.focus = .article
        let width = state.layout.articleTextWidth!
        // When the runner measures the article at 300 lines
        _ = reduce(&state, .articleMeasured(postID: 10, width: width, lines: 300))
        XCTAssertEqual(state.article.lineCount, 300)
        // Then G goes to the real end: the last screenful
        F.press(&state, .character("G"))
        XCTAssertEqual(state.article.scroll, 300 - state.visibleRows(of: .article))
        // And a measurement for another post is ignored; a new text forgets the old one
        _ = reduce(&state, .articleMeasured(postID: 99, width: width, lines: 5))
        XCTAssertEqual(state.article.lineCount, 300)
        _ = reduce(&state, .postLoaded(F.makePost(10), RichText(blocks: [.paragraph([RichSpan("edited")])])))
        XCTAssertNil(state.article.lineCount)
    }

    func testAMeasurementAtAnotherWidthFallsBackToTheEstimate() {
        var (state, _) = F.makeStartedState()
        _ = reduce(&state, .postLoaded(F.makePost(10), RichText(blocks: [.paragraph([RichSpan("short")])])))
        state.focus = .article
        _ = reduce(&state, .articleMeasured(postID: 10, width: 3, lines: 300))
        F.press(&state, .character("G"))
        XCTAssertEqual(state.article.scroll, 0, "a one-line text does not scroll")
    }
}
