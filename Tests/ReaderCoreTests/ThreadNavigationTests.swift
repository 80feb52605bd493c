import BlogModel
import XCTest

@testable import ReaderCore

final class ThreadNavigationTests: XCTestCase {
    private typealias F = ReaderFixtures

    /// 1 ─┬─ 2 ─┬─ 3*          (* = new)
    ///    │     └─ 4
    ///    └─ 5* ── 6
    /// 7
    /// 8* ── 9
    private func makeTree() -> AppState {
        F.makeThreadState([
            F.makeComment(1), F.makeComment(2, parent: 1), F.makeComment(3, parent: 2, isNew: true),
            F.makeComment(4, parent: 2), F.makeComment(5, parent: 1, isNew: true), F.makeComment(6, parent: 5),
            F.makeComment(7), F.makeComment(8, isNew: true), F.makeComment(9, parent: 8),
        ])
    }

    func testJKWalkEveryRowInOrder() {
        var state = makeTree()
        XCTAssertEqual(F.selectedID(state), "1")
        F.press(&state, .character("j"), .character("j"), .character("j"))
        XCTAssertEqual(F.selectedID(state), "4")
        F.press(&state, .character("k"))
        XCTAssertEqual(F.selectedID(state), "3")
    }

    func testParentAndSiblings() {
        var state = makeTree()
        // Given comment 4 selected
        F.press(&state, .character("j"), .character("j"), .character("j"))
        // When h, Then its parent 2
        F.press(&state, .character("h"))
        XCTAssertEqual(F.selectedID(state), "2")
        // When J, Then the next sibling 5, skipping 2's replies
        F.press(&state, .character("J"))
        XCTAssertEqual(F.selectedID(state), "5")
        // When J again, Then nothing: 5 is the last reply to 1
        F.press(&state, .character("J"))
        XCTAssertEqual(F.selectedID(state), "5")
        XCTAssertEqual(state.status?.text, "No next sibling")
        // When K, Then back to 2; ← twice reaches the top-level comment 1
        F.press(&state, .character("K"))
        XCTAssertEqual(F.selectedID(state), "2")
        F.press(&state, .left, .left)
        XCTAssertEqual(F.selectedID(state), "1")
        // When J on a top-level comment, Then the next top-level comment
        F.press(&state, .character("J"), .character("J"))
        XCTAssertEqual(F.selectedID(state), "8")
    }

    func testCollapseHidesTheSubtreeAndSummarisesIt() {
        var state = makeTree()
        // When Space on comment 1
        F.press(&state, .character(" "))
        // Then its five replies are hidden and summarised as "5 replies, 2 new"
        XCTAssertEqual(F.visibleIDs(state), ["1", "7", "8", "9"])
        XCTAssertTrue(state.thread.isCollapsed(row: 0))
        let summary = state.thread.subtreeSummary(row: 0)
        XCTAssertEqual(summary.replies, 5)
        XCTAssertEqual(summary.new, 2)
        // And j goes straight to 7
        F.press(&state, .character("j"))
        XCTAssertEqual(F.selectedID(state), "7")
        // When z on 1 again, Then everything shows
        F.press(&state, .character("k"), .character("z"))
        XCTAssertEqual(F.visibleIDs(state).count, 9)
    }

    func testCollapsingOnALeafFoldsItsParent() {
        var state = makeTree()
        F.press(&state, .character("G"))
        XCTAssertEqual(F.selectedID(state), "9")
        F.press(&state, .character(" "))
        XCTAssertEqual(F.selectedID(state), "8")
        XCTAssertEqual(F.visibleIDs(state), ["1", "2", "3", "4", "5", "6", "7", "8"])
    }

    func testNextNewCommentUnfoldsWhatHidesIt() {
        var state = makeTree()
        // Given comment 2 folded and the cursor on 1
        F.press(&state, .character("j"), .character("z"), .character("k"))
        XCTAssertFalse(F.visibleIDs(state).contains("3"))
        // When ], Then the new comment 3 is selected and visible again
        F.press(&state, .character("]"))
        XCTAssertEqual(F.selectedID(state), "3")
        XCTAssertTrue(F.visibleIDs(state).contains("3"))
        // And further ] presses reach 5, then 8, then stop with a message
        F.press(&state, .character("]"))
        XCTAssertEqual(F.selectedID(state), "5")
        F.press(&state, .character("]"), .character("]"))
        XCTAssertEqual(F.selectedID(state), "8")
        XCTAssertEqual(state.status?.text, "No more new comments below")
        F.press(&state, .character("["))
        XCTAssertEqual(F.selectedID(state), "5")
    }

    func testNextNewCommentFromThePostListFocusesTheThread() {
        var state = makeTree()
        state.focus = .posts
        F.press(&state, .character("]"))
        XCTAssertEqual(state.focus, .thread)
        XCTAssertEqual(F.selectedID(state), "3")
    }

    func testReloadKeepsFoldsAndCursor() {
        var state = makeTree()
        F.press(&state, .character("j"), .character("z"), .character("J"))
        XCTAssertEqual(F.selectedID(state), "5")
        // When the same thread reloads with one more reply
        _ = reduce(&state, F.threadLoaded(postID: 1, state.thread.thread.comments + [F.makeComment(10, parent: 7)]))
        XCTAssertEqual(F.selectedID(state), "5")
        XCTAssertTrue(state.thread.collapsed.contains("2"))
        XCTAssertEqual(F.visibleIDs(state), ["1", "2", "5", "6", "7", "10", "8", "9"])
    }

    func testReplyAndCommentComposeDrafts() {
        var state = makeTree()
        F.press(&state, .character("j"))
        XCTAssertEqual(F.press(&state, .character("r")), [.compose(postID: 1, parentCommentID: 2)])
        XCTAssertEqual(F.press(&state, .character("c")), [.compose(postID: 1, parentCommentID: nil)])
    }

    func testMousePressSelectsAndMarkerFolds() {
        // Given the 120×40 stacked layout and the tree
        var state = makeTree()
        state.focus = .posts
        let list = state.layout.threadList!
        // When the pointer presses in the thread, Then the thread focuses (which comment is
        // under the pointer is the runner's to find out, through `threadViewport.hit`)
        _ = reduce(&state, .input(.mouse(MouseEvent(action: .press, column: list.x + 10, row: list.y + 2))))
        XCTAssertEqual(state.focus, .thread)
        // And the runner's .selectThreadRow selects comment 3
        _ = reduce(&state, .selectThreadRow(2))
        XCTAssertEqual(F.selectedID(state), "3")
        // When it pressed comment 2's fold marker, Then 2 is selected and folds
        _ = reduce(&state, .selectThreadRow(1))
        _ = reduce(&state, .command(.toggleCollapse))
        XCTAssertEqual(F.selectedID(state), "2")
        XCTAssertTrue(state.thread.collapsed.contains("2"))
        // When the wheel turns down over the thread, Then each notch moves one comment, like `j`
        _ = reduce(&state, .input(.mouse(MouseEvent(action: .wheelDown, column: list.x, row: list.y))))
        let afterOneNotch = F.selectedID(state)
        var keyed = state
        _ = reduce(&state, .input(.mouse(MouseEvent(action: .wheelDown, column: list.x, row: list.y))))
        F.press(&keyed, .character("j"))
        XCTAssertEqual(F.selectedID(state), F.selectedID(keyed))
        XCTAssertNotEqual(F.selectedID(state), afterOneNotch)
        _ = reduce(&state, .input(.mouse(MouseEvent(action: .wheelUp, column: list.x, row: list.y))))
        XCTAssertEqual(F.selectedID(state), afterOneNotch)
    }

    func testThousandsOfKeysOnAFiveThousandCommentThreadKeepTheCursorValid() {
        // Given 5,000 comments in chains of 50 under 100 top-level comments
        var comments: [BlogModel.Comment] = []
        for id in 1...5000 {
            comments.append(F.makeComment(id, parent: id % 50 == 1 ? nil : id - 1, isNew: id % 7 == 0))
        }
        var state = F.makeThreadState(comments)
        let keys: [Key] = [
            .character("j"), .character("J"), .character("z"), .character("]"), .character("h"), .character("K"),
            .pageDown, .character("z"),
        ]
        // When 4,000 keys are pressed
        for index in 0..<4000 {
            _ = reduce(&state, .input(.key(keys[index % keys.count])))
            // Then the cursor always rests on a comment that is shown
            XCTAssertNotNil(state.thread.visibleIndex(ofRow: state.thread.selectedRow))
        }
    }
}
