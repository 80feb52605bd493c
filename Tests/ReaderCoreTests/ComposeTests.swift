import BlogModel
import Foundation
import XCTest

@testable import ReaderCore

/// `c` and `r`: the editor opens at once, except on a post whose comments are closed.
final class ComposeTests: XCTestCase {
    private typealias F = ReaderFixtures

    /// Post 1 open in the article (comments open or not) with the thread 1 ─ 2, focused on comment 2.
    private func makeReader(commentsOpen: Bool, keyMap: KeyMap = .standard) -> AppState {
        var state = F.makeThreadState([F.makeComment(1), F.makeComment(2, parent: 1)])
        state.keyMap = keyMap
        state.article.loadingPostID = 1
        var post = F.makePost(1)
        post.commentsOpen = commentsOpen
        _ = reduce(&state, .postLoaded(post, RichText()))
        F.press(&state, .character("j"))
        return state
    }

    func testOnAnOpenPostTheEditorOpensAtOnce() {
        var state = makeReader(commentsOpen: true)
        XCTAssertEqual(F.press(&state, .character("c")), [.compose(postID: 1, parentCommentID: nil)])
        XCTAssertEqual(F.press(&state, .character("r")), [.compose(postID: 1, parentCommentID: 2)])
        XCTAssertNil(state.status)
    }

    func testOnAClosedPostTheFirstPressWarnsAndTheSecondWrites() {
        // Given a post whose blog closed comments
        var state = makeReader(commentsOpen: false)

        // When c is pressed, Then no editor: the status line says why and what to press
        XCTAssertEqual(F.press(&state, .character("c")), [])
        XCTAssertEqual(
            state.status?.text,
            "Comments are closed on this post: the site will refuse it. Press c again to write anyway.")

        // When c is pressed again right after, Then the editor opens
        XCTAssertEqual(F.press(&state, .character("c")), [.compose(postID: 1, parentCommentID: nil)])
        XCTAssertNil(state.status)

        // When c is pressed once more, later, Then it warns again
        XCTAssertEqual(F.press(&state, .character("c")), [])
        XCTAssertNotNil(state.status)
    }

    func testAnotherKeyBetweenThePressesWarnsAgain() {
        // Given a warning on a closed post
        var state = makeReader(commentsOpen: false)
        F.press(&state, .character("r"))
        XCTAssertEqual(state.status?.text.hasSuffix("Press r again to write anyway."), true)

        // When the user moves to comment 1, then presses r
        F.press(&state, .character("k"))
        XCTAssertEqual(F.press(&state, .character("r")), [])

        // Then it warns again, for that comment; r right after replies to comment 1
        XCTAssertEqual(state.status?.text.hasPrefix("Comments are closed on this post"), true)
        XCTAssertEqual(F.press(&state, .character("r")), [.compose(postID: 1, parentCommentID: 1)])

        // And c after a warning for r is a new press: it warns first
        F.press(&state, .character("r"))
        XCTAssertEqual(F.press(&state, .character("c")), [])
        XCTAssertEqual(F.press(&state, .character("c")), [.compose(postID: 1, parentCommentID: nil)])
    }

    func testTheWarningNamesTheKeyTheUserBound() throws {
        // Given comment bound to W instead of c
        var state = makeReader(commentsOpen: false, keyMap: try KeyMap(overrides: ["comment": ["W"]]))

        // When W is pressed, Then the message names W, and W again writes
        XCTAssertEqual(F.press(&state, .character("W")), [])
        XCTAssertEqual(
            state.status?.text,
            "Comments are closed on this post: the site will refuse it. Press W again to write anyway.")
        XCTAssertEqual(F.press(&state, .character("W")), [.compose(postID: 1, parentCommentID: nil)])
    }
}
