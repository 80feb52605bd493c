import BlogModel
import Foundation
import ReaderCore
import TextLayout
import XCTest

/// What the thread pane shows for a `ThreadState`, laid out by TextLayout's `ThreadViewport`.
final class ThreadViewportTests: XCTestCase {
    /// A comment `id` answering `parent`, dated `id` minutes in, with `body` as its text.
    private func makeComment(_ id: Int, parent: Int? = nil, body: String = "", isNew: Bool = false) -> Comment {
        Comment(
            id: Int64(id), postID: 1, sourceID: "\(id)", parentSourceID: parent.map { "\($0)" },
            author: "user\(id)", published: Date(timeIntervalSince1970: Double(id) * 60),
            contentHTML: body.isEmpty ? "Comment \(id)" : body, isNew: isNew)
    }

    private func makeThread(_ comments: [Comment]) -> ThreadState {
        ThreadState(postID: 1, comments: comments, texts: comments.map(ReaderFixtures.makeText))
    }

    private func makeFlat(_ count: Int, selected: Int, scroll: Int) -> ThreadState {
        var state = makeThread((0..<count).map { makeComment($0) })
        state.selectedRow = selected
        state.scroll = scroll
        return state
    }

    private func viewport(_ state: ThreadState, height: Int = 10, width: Int = 40) -> ThreadViewport {
        state.viewport(width: width, height: height)
    }

    // Flat comments take three lines each: header, text, and the blank line before the next.

    func testDrawsFromScrollWhileTheSelectionIsOnScreen() {
        let view = viewport(makeFlat(40, selected: 4, scroll: 2))
        XCTAssertEqual(view.top, 2)
        XCTAssertEqual(view.lines.count, 10)
        XCTAssertEqual(view.shownComments, 4)
        XCTAssertEqual(view.rowAtLine, [2, 2, nil, 3, 3, nil, 4, 4, nil, 5])
    }

    func testASelectionBelowIsBottomAligned() {
        let view = viewport(makeFlat(40, selected: 20, scroll: 0))
        // Comments 18, 19, 20 take 8 lines; a fourth would not fit
        XCTAssertEqual(view.top, 18)
        XCTAssertEqual(view.rowAtLine[6...7], [20, 20])
    }

    func testASelectionAboveGoesToTheTop() {
        let view = viewport(makeFlat(40, selected: 3, scroll: 10))
        XCTAssertEqual(view.top, 3)
        XCTAssertTrue(view.lines[0].text.hasPrefix("▌user3"), view.lines[0].text)
    }

    func testTheEndOfTheThreadFillsThePane() {
        // Given the top on the last comment, When drawn, Then earlier comments fill the pane
        let view = viewport(makeFlat(40, selected: 39, scroll: 39))
        XCTAssertEqual(view.top, 37)
        XCTAssertEqual(view.rowAtLine.compactMap { $0 }.last, 39)
    }

    func testACommentTallerThanThePaneStartsAtTheTop() {
        var comments = (0..<5).map { makeComment($0) }
        comments[3] = makeComment(3, body: (1...200).map { "word\($0)" }.joined(separator: " "))
        var state = makeThread(comments)
        state.selectedRow = 3
        let view = viewport(state)
        XCTAssertEqual(view.top, 3)
        XCTAssertEqual(view.rowAtLine, Array(repeating: 3, count: 10))
    }

    func testALongTopCommentIsDrawnFromItsLineOffsetAndReportsWhatIsLeft() {
        // Given comment 3 of 200 words (well over 10 lines at width 40), scrolled 4 lines in
        var comments = (0..<5).map { makeComment($0) }
        comments[3] = makeComment(3, body: (1...200).map { "word\($0)" }.joined(separator: " "))
        var state = makeThread(comments)
        state.selectedRow = 3
        state.scroll = 3
        let whole = viewport(state, height: 1000)
        let own = zip(whole.lines, whole.rowAtLine).filter { $0.1 == 3 }.map(\.0.text)
        let ownLines = own.count
        state.lineOffset = 4
        let view = viewport(state)
        // Then the pane starts at its fifth line, and the lines below are counted
        XCTAssertEqual(view.top, 3)
        XCTAssertEqual(view.lineOffset, 4)
        XCTAssertEqual(view.lines.map(\.text), Array(own[4..<14]))
        XCTAssertEqual(view.selectedLinesBelow, ownLines - 14)
        XCTAssertEqual(view.foldMarkerAtLine, Array(repeating: nil, count: 10))
        // When scrolled far past its end, Then its last line sits on the bottom row
        state.lineOffset = 999
        let end = viewport(state)
        XCTAssertEqual(end.lineOffset, ownLines - 10)
        XCTAssertEqual(end.selectedLinesBelow, 0)
        XCTAssertEqual(end.lines.last?.text, own.last)
        XCTAssertEqual(end.top, 3)
        XCTAssertEqual(end.shownComments, 1)
    }

    func testDraftsShowUnderWhatTheyAnswerUnlessFoldedAway() {
        // Given a tree with a fold, deep replies and drafts
        var comments: [Comment] = [makeComment(0, body: "日本語のコメント、折り返しの確認です。")]
        for id in 1...12 {
            comments.append(
                makeComment(
                    id, parent: id % 4 == 1 ? 0 : id - 1, body: "Reply number \(id) with a few words to wrap",
                    isNew: id % 3 == 0))
        }
        comments.append(makeComment(13))
        var state = makeThread(comments)
        state.toggleCollapse(row: 9)
        state.drafts = [
            Draft(id: 1, postID: 1, parentCommentID: 2, authorName: "Me", body: "A draft reply", state: .queued),
            Draft(id: 2, postID: 1, body: "On the post"),
            Draft(id: 3, postID: 1, parentCommentID: 11, body: "Hidden under a fold"),
        ]
        // When the whole thread is laid out
        let all = viewport(state, height: 1000).lines.map { String($0.text.dropFirst()) }
        // Then the draft under the folded comment is not shown; the others are
        XCTAssertTrue(all.contains { $0.hasSuffix("✎ draft by Me · queued") })
        XCTAssertTrue(all.contains("✎ draft by you · draft"))
        XCTAssertFalse(all.contains { $0.contains("Hidden") })
    }

    func testHitFindsTheCommentAndItsFoldMarker() {
        var state = makeThread([makeComment(0), makeComment(1, parent: 0), makeComment(2, parent: 1)])
        state.selectedRow = 2
        let view = viewport(state)
        // Lines: 0 header of 0, 1 its text, 2 guide, 3 header of 1, 4 text, 5 guide, 6 header of 2
        XCTAssertEqual(view.hit(line: 1, column: 8), ThreadViewport.Hit(row: 0, onFoldMarker: false))
        XCTAssertNil(view.hit(line: 2, column: 1), "the guide line between comments belongs to none")
        let marker = view.foldMarkerAtLine[3]!
        XCTAssertEqual(Array(view.lines[3].text)[marker], "▾")
        XCTAssertEqual(view.hit(line: 3, column: marker), ThreadViewport.Hit(row: 1, onFoldMarker: true))
        XCTAssertNil(view.foldMarkerAtLine[6], "a reply with no replies has no marker")
        XCTAssertNil(view.hit(line: 99, column: 0))
    }

    func testOnlyTheCommentsThatCanBeOnScreenAreLaidOut() {
        let comments = (0..<5000).map { makeComment($0, parent: $0 % 7 == 0 ? nil : $0 - 1) }
        var state = makeThread(comments)
        state.selectedRow = 4000
        state.scroll = 0
        var asked = 0
        var input = state.layoutInput
        input.text = { row in
            asked += 1
            return state.text(ofRow: row)
        }
        let view = ThreadViewport.compute(input, width: 60, height: 25)
        XCTAssertTrue(view.rowAtLine.contains(4000))
        XCTAssertLessThan(asked, 40, "a screenful from the top and one bottom-aligned, not the thread")
    }

    func testEmptyThreadShowsItsPostDrafts() {
        var state = makeThread([])
        state.drafts = [Draft(id: 1, postID: 1, authorName: "Me", body: "First!")]
        let view = viewport(state)
        XCTAssertEqual(
            view.lines.map { $0.text.trimmingCharacters(in: .whitespaces) }.prefix(4),
            ["No comments yet.", "", "✎ draft by Me · draft", "First!"])
    }

    func testTheFirstCommentJustSentShowsAsTheUsersOwn() {
        // Given a post without comments, and the user's comment on it just sent (site id 900)
        var state = makeThread([])
        state.drafts = [Draft(id: 1, postID: 1, authorName: "Me", body: "First!", state: .sent, remoteCommentID: "900")]
        // When drawn, Then it is there as theirs, without a "No comments yet." above it
        let view = viewport(state)
        XCTAssertEqual(
            view.lines.map { $0.text.trimmingCharacters(in: .whitespaces) }.prefix(3),
            ["✓ Me · yours, sent", "First!", ""])
    }
}
