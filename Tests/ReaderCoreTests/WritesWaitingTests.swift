import BlogModel
import XCTest

@testable import ReaderCore

/// The status line while the reader's read marks wait for another process's write lock.
final class WritesWaitingTests: XCTestCase {
    private typealias F = ReaderFixtures

    func testTheStatusLineSaysWritesWaitAndKeysKeepWorking() {
        // Given a reader showing the newest of ten posts
        var (state, _) = F.makeStartedState(total: 10)
        _ = reduce(&state, .postLoaded(F.makePost(10), RichText()))

        // When the runner reports that its writes wait for another process's lock
        XCTAssertEqual(reduce(&state, .writesWaiting(true)), [])

        // Then the status line says so
        XCTAssertEqual(state.status, .waitingForWriter)
        XCTAssertEqual(state.status?.text, "waiting for another Lectern to finish writing")

        // When the user moves on and marks a post, Then each key does what it always does
        XCTAssertEqual(F.press(&state, .character("j")), [.loadPost(postID: 9)])
        XCTAssertEqual(state.posts.selectedPost?.id, 9)
        // And the status line still says the writes wait
        XCTAssertEqual(state.status, .waitingForWriter)
        XCTAssertEqual(F.press(&state, .character("m")), [.setPostRead(postID: 9, read: true)])
        XCTAssertEqual(state.status?.text, "Marked read")
        F.press(&state, .character("k"))
        XCTAssertEqual(state.status, .waitingForWriter, "the next key shows the wait again")

        // When the writes go through, Then the message goes
        _ = reduce(&state, .writesWaiting(false))
        XCTAssertNil(state.status)
        XCTAssertFalse(state.isWaitingForWriter)
    }

    func testWritesGoingThroughLeaveOtherMessagesAlone() {
        // Given writes that waited, and a message that came after
        var (state, _) = F.makeStartedState(total: 3)
        _ = reduce(&state, .writesWaiting(true))
        _ = reduce(&state, .message("synced 1 blog", isError: false))

        // When the writes go through, Then the later message stays
        _ = reduce(&state, .writesWaiting(false))
        XCTAssertEqual(state.status?.text, "synced 1 blog")
    }

    func testMarkingTheOpenPostUnreadThenQuittingAsksForNoReadMark() {
        // Given the newest post open (and so read) with its thread
        var (state, _) = F.makeStartedState(total: 3)
        _ = reduce(&state, .postLoaded(F.makePost(3), RichText()))
        _ = reduce(&state, F.threadLoaded(postID: 3, [F.makeComment(1, isNew: true, postID: 3)]))

        // When the user marks it unread and quits
        let effects = F.press(&state, .character("m"), .character("q"))

        // Then the last word on its read state is the user's: unread; leaving only records the visit
        XCTAssertEqual(effects, [.setPostRead(postID: 3, read: false), .markCommentsSeen(postID: 3), .quit])
        XCTAssertTrue(state.posts.selectedPost?.unread ?? false)
    }
}
