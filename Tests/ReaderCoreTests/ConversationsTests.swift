import BlogModel
import Foundation
import XCTest

@testable import ReaderCore

/// `C`: the followed threads with new comments, replies to the user first.
final class ConversationsTests: XCTestCase {
    private typealias F = ReaderFixtures

    private func makeConversation(_ postID: Int64, new: Int, replies: Int) -> Conversation {
        Conversation(
            postID: postID, blogID: 1, blogTitle: "Blog", title: "Post \(postID)", newComments: new,
            repliesToYou: replies, lastCommentAt: Date(timeIntervalSince1970: 1_704_067_200), lastCommenter: "Ann")
    }

    private func marked(_ comment: Comment, _ marks: CommentMarks) -> Comment {
        var comment = comment
        comment.marks = marks
        return comment
    }

    /// A started reader whose open post (10) has no comments, with the overlay open on `rows`.
    private func makeOpenOverlay(_ rows: [Conversation]) -> AppState {
        var (state, _) = F.makeStartedState(total: 10)
        _ = reduce(&state, F.threadLoaded(postID: 10, []))
        XCTAssertEqual(F.press(&state, .character("C")), [.loadConversations])
        _ = reduce(&state, .conversationsLoaded(rows))
        return state
    }

    func testTheReaderAsksForConversationsAtStartAndAfterASync() {
        var state = AppState(size: F.wide)
        XCTAssertEqual(
            reduce(&state, .start),
            [.loadPosts(PostWindowRequest(filter: .all, anchor: .newest, limit: 100)), .loadConversations])
        XCTAssertEqual(reduce(&state, .syncFinished(message: "Synced", isError: false)), [.loadConversations])
    }

    func testCOpensTheOverlayWhichListsTheRowsInOrder() {
        var (state, _) = F.makeStartedState(total: 10)
        XCTAssertEqual(F.press(&state, .character("C")), [.loadConversations])
        XCTAssertEqual(state.mode, .conversations(ConversationListState(isLoading: true)))
        let rows = [makeConversation(3, new: 2, replies: 1), makeConversation(42, new: 5, replies: 0)]
        _ = reduce(&state, .conversationsLoaded(rows))
        XCTAssertEqual(state.mode, .conversations(ConversationListState(rows: rows)))
        XCTAssertEqual(state.newRepliesToYou, 1)
    }

    func testTheCountOfRepliesIsKeptWithTheOverlayClosed() {
        var (state, _) = F.makeStartedState(total: 10)
        _ = reduce(
            &state,
            .conversationsLoaded([makeConversation(3, new: 2, replies: 1), makeConversation(4, new: 3, replies: 2)]))
        XCTAssertEqual(state.newRepliesToYou, 3)
        XCTAssertEqual(state.mode, .normal)
    }

    func testEnterOpensThePostAtItsFirstNewReplyToYou() {
        var state = makeOpenOverlay([makeConversation(42, new: 5, replies: 0), makeConversation(3, new: 2, replies: 1)])
        // When j and Enter on post 3, which is in the loaded window
        F.press(&state, .character("j"))
        let effects = F.press(&state, .enter)
        // Then the overlay closes, the post is selected in the list and loads
        XCTAssertEqual(effects, [.loadPost(postID: 3)])
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(state.posts.selectedPost?.id, 3)
        // When its thread arrives: 1, 2 (new), 3 (mine), 4 (a new reply to me)
        _ = reduce(
            &state,
            F.threadLoaded(
                postID: 3,
                [
                    F.makeComment(1, postID: 3), F.makeComment(2, isNew: true, postID: 3),
                    marked(F.makeComment(3, postID: 3), .mine),
                    marked(F.makeComment(4, parent: 3, isNew: true, postID: 3), .replyToMe),
                ]))
        // Then the thread is focused on the reply to the user, not the first new comment
        XCTAssertEqual(state.focus, .thread)
        XCTAssertEqual(F.selectedID(state), "4")
    }

    func testWithoutRepliesToYouTheFirstNewCommentIsSelected() {
        var state = makeOpenOverlay([makeConversation(42, new: 1, replies: 0)])
        // When Enter on a post outside the loaded window
        let effects = F.press(&state, .enter)
        // Then it loads as search hits do, leaving the list selection alone
        XCTAssertEqual(effects, [.loadPost(postID: 42)])
        XCTAssertEqual(state.posts.selectedPost?.id, 10)
        _ = reduce(
            &state,
            F.threadLoaded(
                postID: 42,
                [F.makeComment(1, postID: 42), F.makeComment(2, postID: 42), F.makeComment(3, isNew: true, postID: 42)])
        )
        XCTAssertEqual(state.thread.postID, 42)
        XCTAssertEqual(F.selectedID(state), "3")
    }

    func testLeavingAThreadNoLongerCountsItsRepliesAsNew() {
        var state = makeOpenOverlay([makeConversation(3, new: 2, replies: 1), makeConversation(42, new: 5, replies: 2)])
        F.press(&state, .enter)
        _ = reduce(
            &state,
            F.threadLoaded(
                postID: 3,
                [
                    marked(F.makeComment(1, postID: 3), .mine),
                    marked(F.makeComment(2, parent: 1, isNew: true, postID: 3), .replyToMe),
                ]))
        XCTAssertEqual(state.newRepliesToYou, 3)
        // When the user moves on to another post
        state.focus = .posts
        F.press(&state, .character("j"))
        XCTAssertEqual(state.newRepliesToYou, 2)
    }

    func testMMarksTheSelectedThreadSeenAndRemovesItsRow() {
        var state = makeOpenOverlay([makeConversation(3, new: 2, replies: 1), makeConversation(42, new: 5, replies: 0)])
        XCTAssertEqual(state.newRepliesToYou, 1)
        let effects = F.press(&state, .character("m"))
        XCTAssertEqual(effects, [.markCommentsSeen(postID: 3)])
        XCTAssertEqual(
            state.mode, .conversations(ConversationListState(rows: [makeConversation(42, new: 5, replies: 0)])))
        XCTAssertEqual(state.newRepliesToYou, 0)
        XCTAssertEqual(state.status?.text, "Marked the comments of \"Post 3\" seen")
    }

    func testMovementKeysAndClosing() {
        let rows = (1...5).map { makeConversation(Int64($0), new: 1, replies: 0) }
        var state = makeOpenOverlay(rows)
        F.press(&state, .character("G"))
        guard case .conversations(let list) = state.mode else { return XCTFail("the overlay should be open") }
        XCTAssertEqual(list.selected, 4)
        F.press(&state, .character("k"), .character("g"), .character("j"))
        guard case .conversations(let moved) = state.mode else { return XCTFail("the overlay should be open") }
        XCTAssertEqual(moved.selected, 1)
        F.press(&state, .character("q"))
        XCTAssertEqual(state.mode, .normal)
        F.press(&state, .character("C"))
        F.press(&state, .escape)
        XCTAssertEqual(state.mode, .normal)
    }
}
