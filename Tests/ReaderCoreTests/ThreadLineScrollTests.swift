import BlogModel
import XCTest

@testable import ReaderCore

/// `j`/`k` scroll through a selected comment taller than the pane, as far as there is more
/// of it, before moving the cursor.
final class ThreadLineScrollTests: XCTestCase {
    private typealias F = ReaderFixtures

    /// Comments 1…5 with comment 2 selected at the top of the 25-row pane; comment 2 has a
    /// header and `below` + 24 lines of text, so `below` of its lines are below the pane.
    private func makeReadingState(below: Int = 10) -> AppState {
        let comments = (1...5).map { F.makeComment($0) }
        var texts = comments.map(F.makeText)
        let lines = (1...(below + 24)).map { "line \($0)" }.joined(separator: "\n")
        texts[1] = RichText(blocks: [.paragraph([RichSpan(lines)])])
        var state = F.makeThreadState(comments, texts: texts)
        F.press(&state, .character("j"))
        XCTAssertEqual(state.thread.scroll, 1)
        XCTAssertEqual(state.threadViewport.selectedLinesBelow, below)
        return state
    }

    func testJScrollsTheRestOfTheSelectedCommentThenMovesOn() {
        var state = makeReadingState()
        // When j is pressed four times with no frame in between
        for _ in 0..<4 { F.press(&state, .character("j")) }
        // Then the pane scrolled the 10 lines, three at a time, and the cursor stayed
        XCTAssertEqual(F.selectedID(state), "2")
        XCTAssertEqual(state.thread.lineOffset, 10)
        XCTAssertEqual(state.threadViewport.selectedLinesBelow, 0)
        // When j once more, Then the next comment, the scrolled comment left where it is but
        // for the three lines that bring comment 3's header and text up from below the pane
        F.press(&state, .character("j"))
        XCTAssertEqual(F.selectedID(state), "3")
        XCTAssertEqual(state.thread.lineOffset, 13)
        XCTAssertEqual(state.thread.scroll, 1)
    }

    func testTheWheelScrollsThroughALongCommentLikeJ() {
        var state = makeReadingState()
        state.focus = .posts
        let list = state.layout.threadList!
        func notch(_ action: MouseEvent.Action) {
            _ = reduce(&state, .input(.mouse(MouseEvent(action: action, column: list.x + 1, row: list.y + 1))))
        }
        // When the wheel turns down twice over the thread, Then six lines of comment 2 scrolled
        notch(.wheelDown)
        notch(.wheelDown)
        XCTAssertEqual(F.selectedID(state), "2")
        XCTAssertEqual(state.thread.lineOffset, 6)
        // When it turns up once, Then back three lines, still on comment 2
        notch(.wheelUp)
        XCTAssertEqual(state.thread.lineOffset, 3)
        XCTAssertEqual(F.selectedID(state), "2")
        // When it turns down past the end, Then the next comment
        for _ in 0..<4 { notch(.wheelDown) }
        XCTAssertEqual(F.selectedID(state), "3")
    }

    func testKScrollsBackToTheHeaderThenMovesUp() {
        var state = makeReadingState()
        for _ in 0..<5 { F.press(&state, .character("j")) }
        // When k comes back onto the scrolled top comment, Then it is selected where it is
        F.press(&state, .character("k"))
        XCTAssertEqual(F.selectedID(state), "2")
        XCTAssertEqual(state.thread.lineOffset, 10)
        // When k again, Then it scrolls up three lines at a time to its header
        F.press(&state, .character("k"))
        XCTAssertEqual(state.thread.lineOffset, 7)
        XCTAssertEqual(state.threadViewport.selectedLinesBelow, 3)
        for _ in 0..<3 { F.press(&state, .character("k")) }
        XCTAssertEqual(state.thread.lineOffset, 0)
        XCTAssertEqual(F.selectedID(state), "2")
        // And then k selects comment 1, drawn from its header
        F.press(&state, .character("k"))
        XCTAssertEqual(F.selectedID(state), "1")
        XCTAssertEqual(state.thread.scroll, 0)
        XCTAssertEqual(state.thread.lineOffset, 0)
    }

    func testJumpingToTheScrolledCommentShowsItsHeader() {
        var state = makeReadingState()
        F.press(&state, .character("j"))
        XCTAssertEqual(state.thread.lineOffset, 3)
        // When another comment is selected below, comment 2 staying scrolled at the top,
        // and K jumps back to comment 2
        F.press(&state, .character("G"))
        XCTAssertEqual(state.threadViewport.selectedLinesBelow, 0, "the lines below were comment 2's")
        XCTAssertEqual(state.thread.scroll, 1)
        XCTAssertGreaterThan(state.thread.lineOffset, 0)
        for _ in 0..<3 { F.press(&state, .character("K")) }
        // Then it is drawn from its header
        XCTAssertEqual(F.selectedID(state), "2")
        XCTAssertEqual(state.thread.lineOffset, 0)
    }

    func testPageDownPagesThroughTheSelectedComment() {
        var state = makeReadingState(below: 100)
        let page = state.visibleRows(of: .thread) - 1
        F.press(&state, .pageDown)
        XCTAssertEqual(F.selectedID(state), "2")
        XCTAssertEqual(state.thread.lineOffset, page)
        F.press(&state, .pageUp)
        XCTAssertEqual(state.thread.lineOffset, 0)
        XCTAssertEqual(F.selectedID(state), "2")
    }
}
