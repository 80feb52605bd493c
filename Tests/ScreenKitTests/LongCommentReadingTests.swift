import BlogModel
import Foundation
import ReaderCore
import XCTest

@testable import ScreenKit

/// A comment taller than the thread pane is read to its end with `j` and back with `k`,
/// with each key followed by a frame, as the runner does.
final class LongCommentReadingTests: XCTestCase {
    let size = ScreenSize(columns: 120, rows: 40)

    /// Comments `0..<count`; comment `long`, if any, has 200 numbered lines of text.
    private func makeReader(count: Int, long: Int?) -> AppState {
        let comments = (0..<count).map { id in
            Comment(
                id: Int64(id), postID: 1, sourceID: "\(id)", author: "user\(id)",
                published: Date(timeIntervalSince1970: Double(id) * 60),
                contentHTML: id == long ? "long" : "Comment \(id)")
        }
        var state = AppState(size: size)
        state.focus = .thread
        state.thread.loadingPostID = 1
        _ = reduce(&state, .threadLoaded(postID: 1, comments, texts: comments.map(commentText)))
        frame(state)
        return state
    }

    /// Line `n` of the long comment: "line 007 of 200".
    private func longLine(_ number: Int) -> String {
        "line \(String(repeating: "0", count: 3 - String(number).count))\(number) of 200"
    }

    private func commentText(_ comment: Comment) -> RichText {
        guard comment.contentHTML == "long" else { return ScreenFixtures.bareText(comment) }
        return RichText(blocks: (1...200).map { .paragraph([RichSpan(longLine($0))]) })
    }

    /// Draws the thread pane; returns the pane's text.
    @discardableResult
    private func frame(_ state: AppState) -> String {
        let viewport = state.threadViewport
        XCTAssertEqual(viewport.top, state.thread.scroll, "the pane draws from where reduce left the top")
        XCTAssertEqual(viewport.lineOffset, state.thread.lineOffset)
        return viewport.lines.map(\.text).joined(separator: "\n")
    }

    /// Presses `key`, then draws a frame; returns the pane's text.
    @discardableResult
    private func press(_ state: inout AppState, _ key: Key) -> String {
        _ = reduce(&state, .input(.key(key)))
        return frame(state)
    }

    private func selectedID(_ state: AppState) -> String? { state.thread.selectedComment?.sourceID }

    func testALongCommentIsReadToItsEndThenJMovesOn() {
        // Given comments 0, 1 (200 lines, far taller than the pane) and 2, with 1 selected
        var state = makeReader(count: 3, long: 1)
        var screen = press(&state, .character("j"))
        XCTAssertEqual(selectedID(state), "1")
        XCTAssertTrue(screen.contains("user1"), "its header shows first")
        var seen: Set<Int> = []
        // When j is pressed while comment 1 stays selected
        var presses = 0
        while selectedID(state) == "1", presses < 300 {
            seen.formUnion((1...200).filter { screen.contains(longLine($0)) })
            screen = press(&state, .character("j"))
            presses += 1
        }
        // Then every one of its lines was on screen, the last one included, a few at a time
        XCTAssertEqual(seen, Set(1...200), "missing: \(Set(1...200).subtracting(seen).sorted())")
        XCTAssertGreaterThan(presses, 20)
        // And the next j selected comment 2, below the end of comment 1
        XCTAssertEqual(selectedID(state), "2")
        XCTAssertTrue(screen.contains(longLine(200)), screen)
        XCTAssertTrue(screen.contains("user2"))
    }

    func testKScrollsBackUpThroughALongCommentThenMovesOn() {
        // Given comment 1 read to its end and comment 2 selected
        var state = makeReader(count: 3, long: 1)
        press(&state, .character("j"))
        while selectedID(state) == "1" { press(&state, .character("j")) }
        // When k is pressed once, Then comment 1 is selected again, its end still in view
        var screen = press(&state, .character("k"))
        XCTAssertEqual(selectedID(state), "1")
        XCTAssertTrue(screen.contains(longLine(200)), screen)
        // When k is pressed until the selection leaves comment 1
        var seen: Set<Int> = []
        while selectedID(state) == "1" {
            seen.formUnion((1...200).filter { screen.contains(longLine($0)) })
            screen = press(&state, .character("k"))
        }
        // Then it scrolled back through all of it to its header, and then selected comment 0
        XCTAssertEqual(seen, Set(1...200))
        XCTAssertEqual(selectedID(state), "0")
        XCTAssertEqual(state.thread.lineOffset, 0)
        XCTAssertTrue(screen.hasPrefix("▌user0"), screen)
    }

    func testPageDownPagesThroughALongCommentAndGShowsItsHeader() {
        var state = makeReader(count: 3, long: 1)
        press(&state, .character("j"))
        // When PageDown, Then a page of lines less one, the cursor staying on comment 1
        let pane = state.visibleRows(of: .thread)
        let screen = press(&state, .pageDown)
        XCTAssertEqual(selectedID(state), "1")
        XCTAssertEqual(state.thread.lineOffset, pane - 1)
        XCTAssertFalse(screen.contains("user1"))
        // When g then j, Then comment 1 is shown from its header again
        press(&state, .character("g"))
        XCTAssertTrue(press(&state, .character("j")).contains("user1"))
        XCTAssertEqual(state.thread.lineOffset, 0)
    }

    func testShortCommentsMoveOneCommentPerJ() {
        // Given 30 one-line comments
        var state = makeReader(count: 30, long: nil)
        // When j is pressed 29 times, Then each press selects the next comment, never scrolling lines
        for id in 1..<30 {
            press(&state, .character("j"))
            XCTAssertEqual(selectedID(state), "\(id)")
            XCTAssertEqual(state.thread.lineOffset, 0)
            XCTAssertEqual(state.threadViewport.selectedLinesBelow, 0)
        }
        // And k walks back one comment per press
        for id in (0..<29).reversed() {
            press(&state, .character("k"))
            XCTAssertEqual(selectedID(state), "\(id)")
        }
        XCTAssertEqual(state.thread.scroll, 0)
    }
}
