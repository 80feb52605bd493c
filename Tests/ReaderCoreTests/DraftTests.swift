import BlogModel
import Foundation
import XCTest

@testable import ReaderCore

final class DraftTests: XCTestCase {
    private typealias F = ReaderFixtures

    private func makeDraft(
        _ id: Int64, postID: Int64 = 1, parent: Int64? = nil, state: Draft.State = .draft,
        remote: String? = nil, body: String = "My reply"
    ) -> Draft {
        Draft(
            id: id, postID: postID, parentCommentID: parent, authorName: "Me", body: body, state: state,
            remoteCommentID: remote, created: Date(timeIntervalSince1970: 1_704_067_200),
            updated: Date(timeIntervalSince1970: 1_704_067_200 + Double(id) * 60))
    }

    func testThreadShowsItsPostsDraftsUnderTheirParents() {
        // Given a thread 1 ─ 2 and drafts on this post and another
        var state = F.makeThreadState([F.makeComment(1), F.makeComment(2, parent: 1)])
        // When every draft arrives
        _ = reduce(
            &state,
            .draftsLoaded([
                makeDraft(1, parent: 2), makeDraft(2), makeDraft(3, postID: 9),
                makeDraft(4, state: .sent, remote: "2"), makeDraft(5, state: .sent, remote: "77"),
            ]))
        // Then the thread keeps this post's, placed under the comment they answer
        XCTAssertEqual(state.thread.drafts.map(\.id), [1, 2, 4, 5])
        let shown = state.thread.shownDrafts
        // And a sent draft whose comment is in the thread is replaced by that comment
        XCTAssertEqual(shown.map(\.draft.id), [1, 2, 5])
        XCTAssertEqual(shown.map(\.parentRow), [1, nil, nil])
        // When the sent comment 77 arrives with a reload, Then its draft goes too
        _ = reduce(&state, F.threadLoaded(postID: 1, state.thread.thread.comments + [F.makeComment(77, parent: 1)]))
        XCTAssertEqual(state.thread.shownDrafts.map(\.draft.id), [1, 2])
    }

    func testASentCommentStandsInTheThreadUntilItIsSynced() {
        // Given a thread 1 ─ 2
        var state = F.makeThreadState([F.makeComment(1), F.makeComment(2, parent: 1)])
        // When drafts arrive after a send: a reply to 1 the blog holds for moderation (site id
        // 812), and a comment the blog took without saying its id
        var held = makeDraft(1, parent: 1, state: .sent, remote: "812")
        held.lastError = Draft.heldForModerationNote
        _ = reduce(&state, .draftsLoaded([held, makeDraft(2, state: .sent)]))
        // Then the reply shows under comment 1, awaiting moderation; the one without an id does
        // not (nothing could tell it from its synced copy)
        XCTAssertEqual(state.thread.shownDrafts.map(\.draft.id), [1])
        XCTAssertEqual(state.thread.shownDrafts.first?.parentRow, 0)
        XCTAssertTrue(state.thread.shownDrafts.first?.draft.isAwaitingModeration ?? false)
        // And folding comment 1 counts it as a reply, not a draft
        state.thread.toggleCollapse(row: 0)
        XCTAssertEqual(state.thread.subtreeSummary(row: 0).replies, 2)
        XCTAssertEqual(state.thread.subtreeSummary(row: 0).drafts, 0)
        // When a sync brings it, named by its address as a feed may do, Then the comment replaces it
        var synced = F.makeComment(3, parent: 1)
        synced.sourceID = "https://example.org/1/#comment-812"
        _ = reduce(&state, F.threadLoaded(postID: 1, state.thread.thread.comments + [synced]))
        XCTAssertEqual(state.thread.shownDrafts, [])
    }

    func testAFoldedCommentCountsTheDraftsItHides() {
        // Given a thread 1 ─ 2 ─ 3 with drafts answering 1, 3 and the post
        var state = F.makeThreadState([F.makeComment(1), F.makeComment(2, parent: 1), F.makeComment(3, parent: 2)])
        _ = reduce(&state, .draftsLoaded([makeDraft(1, parent: 1), makeDraft(2, parent: 3), makeDraft(3)]))
        // When comment 1 is folded, Then its summary counts the two drafts folded with it
        state.thread.toggleCollapse(row: 0)
        let summary = state.thread.subtreeSummary(row: 0)
        XCTAssertEqual(summary.replies, 2)
        XCTAssertEqual(summary.drafts, 2)
        // And folding 2 counts only the draft under 3
        XCTAssertEqual(state.thread.subtreeSummary(row: 1).drafts, 1)
    }

    func testDraftsArrivingBeforeTheThreadAreKept() {
        var (state, _) = F.makeStartedState(total: 3)
        // Post 3 is loading; its drafts come first, then its thread
        XCTAssertEqual(state.thread.loadingPostID, 3)
        _ = reduce(&state, .draftsLoaded([makeDraft(1, postID: 3), makeDraft(2, postID: 2)]))
        _ = reduce(&state, F.threadLoaded(postID: 3, [F.makeComment(1, postID: 3)]))
        XCTAssertEqual(state.thread.drafts.map(\.id), [1])
    }

    func testDraftListOpensLoadsAndShowsPostTitles() {
        var (state, _) = F.makeStartedState(total: 5)
        XCTAssertEqual(F.press(&state, .character("D")), [.loadDrafts])
        _ = reduce(&state, .draftsLoaded([makeDraft(1, postID: 4), makeDraft(2, postID: 4444)]))
        guard case .draftList(let list) = state.mode else { return XCTFail("draft list expected") }
        XCTAssertFalse(list.isLoading)
        XCTAssertEqual(list.postTitles, [4: "Post 4"], "a post outside the window has no title here")
    }

    func testDraftListKeys() {
        var (state, _) = F.makeStartedState(total: 5)
        F.press(&state, .character("D"))
        let drafts = [makeDraft(1), makeDraft(2, state: .queued), makeDraft(3, state: .sent)]
        _ = reduce(&state, .draftsLoaded(drafts))
        // e and Enter edit, leaving the list open for the refreshed drafts
        XCTAssertEqual(F.press(&state, .character("e")), [.editDraft(draftID: 1)])
        XCTAssertEqual(F.press(&state, .enter), [.editDraft(draftID: 1)])
        guard case .draftList = state.mode else { return XCTFail("list stays open") }
        // Q queues a draft; u on it is refused until it is queued
        XCTAssertEqual(F.press(&state, .character("Q")), [.setDraftState(id: 1, .queued)])
        XCTAssertEqual(F.press(&state, .character("u")), [])
        XCTAssertEqual(state.status?.text, "Only a queued or failed draft can be held back")
        // j to the queued draft: u holds it back, Q is refused
        F.press(&state, .character("j"))
        XCTAssertEqual(F.press(&state, .character("u")), [.setDraftState(id: 2, .draft)])
        XCTAssertEqual(F.press(&state, .character("Q")), [])
        // S sends the queued drafts
        XCTAssertEqual(F.press(&state, .character("S")), [.sendDrafts])
        XCTAssertTrue(Effect.sendDrafts.isSlow)
        // q closes
        F.press(&state, .character("q"))
        XCTAssertEqual(state.mode, .normal)
    }

    func testSendWithNothingQueuedExplains() {
        var (state, _) = F.makeStartedState()
        F.press(&state, .character("D"))
        _ = reduce(&state, .draftsLoaded([makeDraft(1)]))
        XCTAssertEqual(F.press(&state, .character("S")), [])
        XCTAssertEqual(state.status?.text, "No queued drafts; Q queues the selected one")
    }

    func testDeleteAsksFirstAndReturnsToTheList() {
        var (state, _) = F.makeStartedState()
        F.press(&state, .character("D"))
        _ = reduce(&state, .draftsLoaded([makeDraft(1), makeDraft(2, body: "\n  Second thoughts\nmore")]))
        F.press(&state, .character("j"))
        // When d, Then a question naming the draft; nothing is deleted yet
        XCTAssertEqual(F.press(&state, .character("d")), [])
        guard case .confirm(let request) = state.mode else { return XCTFail("a question should be asked") }
        XCTAssertEqual(request.question, "Delete the draft \"Second thoughts\"?")
        // When n, Then back in the list, on the same draft
        XCTAssertEqual(F.press(&state, .character("n")), [])
        guard case .draftList(let list) = state.mode else { return XCTFail("back to the list") }
        XCTAssertEqual(list.selected, 1)
        // When d then y, Then the delete effect, and the list again for the refreshed drafts
        F.press(&state, .character("d"))
        XCTAssertEqual(F.press(&state, .character("y")), [.deleteDraft(id: 2)])
        guard case .draftList = state.mode else { return XCTFail("back to the list") }
        _ = reduce(&state, .draftsLoaded([makeDraft(1)]))
        guard case .draftList(let after) = state.mode else { return XCTFail("list expected") }
        XCTAssertEqual(after.drafts.map(\.id), [1])
        XCTAssertEqual(after.selected, 0)
    }

    func testHelpListsTheDraftKeys() {
        let entries = KeyMap.standard.helpEntries
        for (name, key) in [
            ("edit-draft", "e"), ("delete-draft", "d"), ("queue-draft", "Q"), ("unqueue-draft", "u"),
            ("send-drafts", "S"),
        ] {
            let entry = entries.first { $0.name == name }
            XCTAssertEqual(entry?.keys, key, name)
            XCTAssertTrue(entry?.help.hasPrefix("Draft list:") ?? false, name)
        }
        // The new list keys leave the panes alone: d and u do nothing outside the list
        XCTAssertNil(KeyMap.standard.command(for: .character("d"), in: .thread))
        XCTAssertEqual(KeyMap.standard.command(for: .character("S"), in: .list), .sendDrafts)
    }
}
