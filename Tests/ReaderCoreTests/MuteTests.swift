import BlogModel
import XCTest

@testable import ReaderCore

/// Muted comments are left out of the thread, said to be there, and shown dim with `V`.
final class MuteTests: XCTestCase {
    private typealias F = ReaderFixtures

    private func marked(_ comment: Comment, _ marks: CommentMarks) -> Comment {
        var comment = comment
        comment.marks = marks
        return comment
    }

    /// 1 ── 2 (muted) ── 3 (muted, new)
    /// 4 (new)
    /// 5 (muted, new)
    private func makeComments(muting extra: Set<Int> = []) -> [Comment] {
        let muted = Set([2, 3, 5]).union(extra)
        return [
            F.makeComment(1), F.makeComment(2, parent: 1), F.makeComment(3, parent: 2, isNew: true),
            F.makeComment(4, isNew: true), F.makeComment(5, isNew: true),
        ].map { muted.contains(Int($0.id)) ? marked($0, .muted) : $0 }
    }

    /// The thread of post 1, on the blog "Example" of the loaded list.
    private func makeState() -> AppState {
        var state = F.makeThreadState(makeComments())
        state.posts.window = F.makeSummaries([1])
        state.posts.window[0].blogTitle = "Example"
        state.posts.total = 1
        return state
    }

    func testMutedCommentsAreLeftOutAndNavigationSkipsThem() {
        var state = makeState()
        XCTAssertEqual(F.visibleIDs(state), ["1", "4"])
        XCTAssertEqual(state.thread.mutedCount, 3)
        // New counts leave muted comments out
        XCTAssertEqual(state.thread.newCount, 1)
        F.press(&state, .character("j"))
        XCTAssertEqual(F.selectedID(state), "4")
        F.press(&state, .character("g"), .character("]"))
        XCTAssertEqual(F.selectedID(state), "4")
        F.press(&state, .character("]"))
        XCTAssertEqual(state.status?.text, "No more new comments below")
    }

    func testANoteHeadsThePaneAndThePointerStillFindsTheComments() throws {
        var state = makeState()
        state.keyMap = try KeyMap(overrides: ["toggle-muted": ["F2"]])
        let view = state.threadViewport
        XCTAssertEqual(view.lines[0].text, " 3 muted — F2 shows them")
        XCTAssertNil(view.rowAtLine[0])
        XCTAssertEqual(view.rowAtLine[1], 0)
        F.press(&state, .function(2))
        XCTAssertEqual(state.threadViewport.lines[0].text, " 3 muted shown — F2 hides them")
    }

    func testVShowsThemAndHidesThemAgain() {
        var state = makeState()
        F.press(&state, .character("V"))
        XCTAssertEqual(F.visibleIDs(state), ["1", "2", "3", "4", "5"])
        XCTAssertEqual(state.thread.newCount, 1)
        XCTAssertEqual(state.status?.text, "Showing 3 muted comments; V hides them")
        // When the cursor is on a muted comment and they are hidden again
        F.press(&state, .character("j"), .character("j"))
        XCTAssertEqual(F.selectedID(state), "3")
        F.press(&state, .character("V"))
        // Then it stays near: on the nearest shown comment above
        XCTAssertEqual(F.visibleIDs(state), ["1", "4"])
        XCTAssertEqual(F.selectedID(state), "1")
    }

    func testMAsksToMuteTheAuthorAndTheAnswerHidesThem() {
        var state = makeState()
        F.press(&state, .character("j"))
        F.press(&state, .character("M"))
        guard case .confirm(let request) = state.mode else { return XCTFail("a question should be asked") }
        XCTAssertEqual(
            request.question, "Mute Author 4 on Example? Their comments and the replies under them are hidden")
        XCTAssertEqual(
            F.press(&state, .character("y")), [.setMute(.author(blogID: 1, name: "Author 4"), muted: true, postID: 1)])
        // When the cache answers with the thread marked anew
        _ = reduce(&state, F.threadLoaded(postID: 1, makeComments(muting: [4])))
        // Then comment 4 is gone and the cursor stays near it
        XCTAssertEqual(F.visibleIDs(state), ["1"])
        XCTAssertEqual(F.selectedID(state), "1")
        XCTAssertEqual(state.thread.mutedCount, 4)
    }

    func testOnAShownMutedCommentMAsksToUnmute() {
        var state = makeState()
        F.press(&state, .character("V"), .character("j"))
        XCTAssertEqual(F.selectedID(state), "2")
        F.press(&state, .character("M"))
        guard case .confirm(let request) = state.mode else { return XCTFail("a question should be asked") }
        XCTAssertEqual(request.effects, [.setMute(.author(blogID: 1, name: "Author 2"), muted: false, postID: 1)])
    }

    func testXMutesTheSubthreadAndOnAMutedReplyUnmutesItsTop() {
        var state = makeState()
        F.press(&state, .character("x"))
        guard case .confirm(let request) = state.mode else { return XCTFail("a question should be asked") }
        XCTAssertEqual(request.question, "Mute Author 1's comment? It is hidden, and any reply to it")
        XCTAssertEqual(request.effects, [.setMute(.subthread(postID: 1, commentSourceID: "1"), muted: true, postID: 1)])
        F.press(&state, .character("n"))
        // When V shows comment 3, muted under 2
        F.press(&state, .character("V"), .character("j"), .character("j"), .character("x"))
        guard case .confirm(let unmute) = state.mode else { return XCTFail("a question should be asked") }
        XCTAssertEqual(unmute.effects, [.setMute(.subthread(postID: 1, commentSourceID: "2"), muted: false, postID: 1)])
    }

    func testAThreadOfOnlyMutedCommentsSaysSo() {
        var state = F.makeThreadState([marked(F.makeComment(1), .muted)])
        XCTAssertTrue(state.thread.isEmpty)
        XCTAssertEqual(state.thread.emptyMessage, "Only muted comments.")
        F.press(&state, .character("V"))
        XCTAssertEqual(F.visibleIDs(state), ["1"])
    }
}
