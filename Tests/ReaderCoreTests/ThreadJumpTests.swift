import BlogModel
import XCTest

@testable import ReaderCore

/// `}`/`{` to replies to the user, `)`/`(` to top-level comments, `O` to a comment's address.
final class ThreadJumpTests: XCTestCase {
    private typealias F = ReaderFixtures

    private func marked(_ comment: Comment, _ marks: CommentMarks) -> Comment {
        var comment = comment
        comment.marks = marks
        return comment
    }

    /// 1 (mine) ─┬─ 2 (new reply to me)
    ///           └─ 3 (old reply to me)
    /// 4 (mine) ── 5 (new reply to me)
    /// 6 (new)
    private func makeRepliesState() -> AppState {
        F.makeThreadState([
            marked(F.makeComment(1), .mine), marked(F.makeComment(2, parent: 1, isNew: true), .replyToMe),
            marked(F.makeComment(3, parent: 1), .replyToMe), marked(F.makeComment(4), .mine),
            marked(F.makeComment(5, parent: 4, isNew: true), .replyToMe), F.makeComment(6, isNew: true),
        ])
    }

    func testBracesWalkTheNewRepliesToTheUser() {
        var state = makeRepliesState()
        F.press(&state, .character("}"))
        XCTAssertEqual(F.selectedID(state), "2")
        F.press(&state, .character("}"))
        XCTAssertEqual(F.selectedID(state), "5")
        F.press(&state, .character("}"))
        XCTAssertEqual(state.status?.text, "No more new replies to you below")
        F.press(&state, .character("{"))
        XCTAssertEqual(F.selectedID(state), "2")
    }

    func testBracesWorkFromTheListToo() {
        var state = makeRepliesState()
        state.focus = .posts
        F.press(&state, .character("}"))
        XCTAssertEqual(state.focus, .thread)
        XCTAssertEqual(F.selectedID(state), "2")
    }

    func testWithNoNewRepliesBracesFallBackToAnyReply() {
        var state = F.makeThreadState([
            marked(F.makeComment(1), .mine), F.makeComment(2), marked(F.makeComment(3, parent: 1), .replyToMe),
        ])
        F.press(&state, .character("}"))
        XCTAssertEqual(F.selectedID(state), "3")
    }

    func testWithNoRepliesBracesSaySo() {
        var state = F.makeThreadState([F.makeComment(1), F.makeComment(2, isNew: true)])
        F.press(&state, .character("}"))
        XCTAssertEqual(state.status?.text, "No replies to you in this thread")
        XCTAssertEqual(F.selectedID(state), "1")
    }

    /// 1 ─┬─ 2 ── 3     7     8 ── 9
    ///    └─ 5
    private func makeTree() -> AppState {
        F.makeThreadState([
            F.makeComment(1), F.makeComment(2, parent: 1), F.makeComment(3, parent: 2), F.makeComment(5, parent: 1),
            F.makeComment(7), F.makeComment(8), F.makeComment(9, parent: 8),
        ])
    }

    func testParenthesesMoveBetweenTopLevelComments() {
        var state = makeTree()
        F.press(&state, .character(")"))
        XCTAssertEqual(F.selectedID(state), "7")
        F.press(&state, .character(")"))
        XCTAssertEqual(F.selectedID(state), "8")
        F.press(&state, .character(")"))
        XCTAssertEqual(state.status?.text, "Last top-level comment")
        // From a reply, ( goes to the top of its own subtree, then to the one before
        F.press(&state, .character("j"))
        XCTAssertEqual(F.selectedID(state), "9")
        F.press(&state, .character("("))
        XCTAssertEqual(F.selectedID(state), "8")
        F.press(&state, .character("("), .character("("))
        XCTAssertEqual(F.selectedID(state), "1")
        F.press(&state, .character("("))
        XCTAssertEqual(state.status?.text, "First top-level comment")
    }

    func testParenthesesSkipFoldedReplies() {
        var state = makeTree()
        F.press(&state, .character("z"))
        F.press(&state, .character(")"))
        XCTAssertEqual(F.selectedID(state), "7")
    }

    func testOOpensTheCommentsOwnAddress() {
        var state = F.makeThreadState([F.makeComment(1), F.makeComment(2)])
        state.article.post = F.makePost(1)
        state.article.post?.link = "https://example.org/1#top"
        F.press(&state, .character("j"))
        XCTAssertEqual(F.press(&state, .character("O")), [.openURL("https://example.org/1#comment-2")])
    }

    func testOUsesASourceIDThatIsAlreadyTheAddress() {
        var comment = F.makeComment(1)
        comment.sourceID = "https://example.org/1/#comment-77"
        var state = F.makeThreadState([comment])
        XCTAssertEqual(F.press(&state, .character("O")), [.openURL("https://example.org/1/#comment-77")])
    }

    func testOWithoutAPostLinkSaysSo() {
        var state = F.makeThreadState([F.makeComment(1)])
        XCTAssertEqual(F.press(&state, .character("O")), [])
        XCTAssertEqual(state.status, StatusMessage("This post has no link", isError: true))
    }
}
