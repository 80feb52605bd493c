import BlogModel
import BlogStore
import XCTest

final class DraftTests: XCTestCase {
    func testDraftSurvivesReimportOfItsPost() throws {
        // Given a draft reply on an imported post
        let store = try LibraryStore.inMemory()
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 2, comments: 1)
        let parent = try XCTUnwrap(store.comments(postID: postIDs[1]).first)
        let draft = try store.saveDraft(
            Draft(postID: postIDs[1], parentCommentID: parent.id, authorName: "Me", body: "I agree"))

        // When the post is imported again, edited
        try StoreFixtures.importBlog(into: store, posts: 2, comments: 1) { _, post in post.title += "!" }

        // Then the draft is still there, unchanged
        XCTAssertEqual(try store.drafts(), [draft])
        XCTAssertEqual(try store.draft(id: draft.id)?.parentCommentID, parent.id)
    }

    func testDraftLifecycle() throws {
        // Given a saved draft
        let store = try LibraryStore.inMemory()
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 1)
        var draft = try store.saveDraft(Draft(postID: postIDs[0], body: "first"))
        XCTAssertNotEqual(draft.id, 0)

        // When it is edited, queued, sent, then deleted
        draft.body = "second"
        draft = try store.saveDraft(draft)
        try store.setDraftState(id: draft.id, state: .failed, error: "HTTP 503")
        XCTAssertEqual(try store.draft(id: draft.id)?.lastError, "HTTP 503")
        try store.setDraftState(id: draft.id, state: .sent, remoteCommentID: "4711")

        // Then each step is stored
        let sent = try XCTUnwrap(store.draft(id: draft.id))
        XCTAssertEqual(sent.body, "second")
        XCTAssertEqual(sent.state, .sent)
        XCTAssertNil(sent.lastError)
        XCTAssertEqual(sent.remoteCommentID, "4711")
        try store.deleteDraft(id: draft.id)
        XCTAssertEqual(try store.drafts(), [])
    }

    func testOnlyOneSenderCanClaimADraft() throws {
        // Given a queued draft
        let store = try LibraryStore.inMemory()
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 1)
        var draft = try store.saveDraft(Draft(postID: postIDs[0], body: "Hello"))
        try store.setDraftState(id: draft.id, state: .queued)
        // When two sends try to claim it, Then only the first gets it
        XCTAssertTrue(try store.claimDraftForSending(id: draft.id))
        XCTAssertFalse(try store.claimDraftForSending(id: draft.id))
        draft = try XCTUnwrap(store.draft(id: draft.id))
        XCTAssertEqual(draft.state, .sending)
    }
}
