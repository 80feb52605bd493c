import BlogModel
import BlogOutbox
import BlogStore
import BlogSync
import Foundation
import XCTest

/// Drafts left in `sending` by a crash are never resent silently.
final class OutboxRecoveryTests: XCTestCase {
    private var site: OutboxTestSite!
    private var library: OutboxTestLibrary!

    override func setUpWithError() throws {
        site = try OutboxTestSite()
        library = try OutboxTestLibrary(siteURL: site.siteURL)
    }

    override func tearDown() {
        site?.stop()
        library?.remove()
    }

    /// A draft as a crash mid-send leaves it: persisted as sending, no answer recorded.
    private func makeInterruptedDraft(_ body: String) throws -> Draft {
        let draft = try library.makeQueuedDraft(body)
        try library.store.setDraftState(id: draft.id, state: .sending)
        return draft
    }

    func testInterruptedDraftFoundOnTheBlogIsMarkedSent() async throws {
        // Given a draft interrupted while sending, whose comment a sync since brought in
        // (WordPress curled the quote and wrapped the text in a paragraph)
        let draft = try makeInterruptedDraft("It's   here\nalready")
        try library.syncComment(sourceID: "250", author: "Ann", html: "<p>It&#8217;s here<br />\nalready</p>\n")

        // When the outbox is sent
        let results = await OutboxSender(store: library.store).send()

        // Then the draft is sent with the synced comment's id, and nothing was posted
        XCTAssertEqual(results.map(\.status), [.sent(remoteCommentID: "250", heldForModeration: false)])
        let recovered = try library.draft(draft.id)
        XCTAssertEqual(recovered.state, .sent)
        XCTAssertEqual(recovered.remoteCommentID, "250")
        let requests = try await site.commentRequests()
        XCTAssertEqual(requests.count, 0)
    }

    func testInterruptedDraftNotOnTheBlogWaitsForTheUser() async throws {
        // Given a draft interrupted while sending, with no matching comment in the cache
        let draft = try makeInterruptedDraft("Did this go out?")
        try library.syncComment(sourceID: "251", author: "Someone else", html: "<p>Did this go out?</p>")

        // When the outbox is sent twice
        let first = await OutboxSender(store: library.store).send()
        let second = await OutboxSender(store: library.store).send()

        // Then it is failed with the interrupted reason, never resent
        XCTAssertEqual(first.map(\.status), [.failed(reason: OutboxSender.interruptedReason, retryable: false)])
        XCTAssertEqual(second, [])
        XCTAssertEqual(try library.draft(draft.id).lastError, OutboxSender.interruptedReason)
        let requests = try await site.commentRequests()
        XCTAssertEqual(requests.count, 0)

        // When the user re-queues it
        try library.store.setDraftState(id: draft.id, state: .queued)
        let third = await OutboxSender(store: library.store).send()

        // Then it is sent, once
        XCTAssertEqual(third.map(\.status), [.sent(remoteCommentID: "100", heldForModeration: false)])
    }

    func testSyncedCommentReplacesThePendingDraft() async throws {
        // Given a sent draft, shown as pending in the thread
        let draft = try library.makeQueuedDraft("Pending until synced")
        _ = await OutboxSender(store: library.store).send()
        let sender = OutboxSender(store: library.store)
        XCTAssertEqual(try sender.pendingDrafts(postID: library.postID).map(\.id), [draft.id])

        // When a sync brings the comment with the remote id
        try library.syncComment(sourceID: "100", author: "Ann", html: "<p>Pending until synced</p>")

        // Then the draft is no longer pending, and it stays sent
        XCTAssertEqual(try sender.pendingDrafts(postID: library.postID), [])
        XCTAssertEqual(try library.draft(draft.id).state, .sent)
    }

    func testASentReplyIsInItsThreadUntilTheSyncBringsIt() async throws {
        // Given a site that holds comments for moderation, and a reply to Bea's comment 57
        site.stop()
        site = try OutboxTestSite(["--moderate"])
        library.remove()
        library = try OutboxTestLibrary(siteURL: site.siteURL)
        let reply = try library.makeQueuedDraft("Thanks, Bea!\n\n<b>Really</b>.", parent: library.commentID)

        // When it is sent
        _ = await OutboxSender(store: library.store).send()

        // Then the post's thread has it under comment 57, by its site id, awaiting moderation
        func thread() throws -> CommentThread {
            let cached = try library.store.comments(postID: library.postID)
            return CommentThread(
                comments: cached + OutboxSentComments.comments(from: try library.store.drafts(), among: cached))
        }
        var shown = try thread()
        XCTAssertEqual(shown.rows.indices.map { shown.comment(at: $0).sourceID }, ["57", "100"])
        XCTAssertEqual(shown.rows.map(\.depth), [0, 1])
        let sent = shown.comment(at: 1)
        XCTAssertEqual(sent.author, "Ann")
        XCTAssertEqual(sent.status, .pending)
        XCTAssertEqual(sent.contentHTML, "<p>Thanks, Bea!</p>\n<p>&lt;b&gt;Really&lt;/b&gt;.</p>")
        XCTAssertEqual(try library.draft(reply.id).isAwaitingModeration, true)

        // When the moderator approves it and a sync brings it
        try library.syncComment(sourceID: "100", author: "Ann", html: "<p>Thanks, Bea!</p>")

        // Then the thread has it once, as the synced comment
        shown = try thread()
        XCTAssertEqual(shown.rows.indices.map { shown.comment(at: $0).sourceID }, ["57", "100"])
        XCTAssertGreaterThan(shown.comment(at: 1).id, 0)
    }

    func testReconcileSettlesAnInterruptedDraftOnceItsCommentArrives() throws {
        // Given an interrupted draft already marked failed by a send
        let draft = try makeInterruptedDraft("Late arrival")
        _ = OutboxSender(store: library.store).recoverInterrupted()

        // When a later sync brings the comment, and the sync reconciles the post
        try library.syncComment(sourceID: "300", author: "ann", html: "<p>Late arrival</p>")
        let results = OutboxSender(store: library.store).reconcile(postID: library.postID)

        // Then the draft is sent with that id
        XCTAssertEqual(results.map(\.draftID), [draft.id])
        XCTAssertEqual(try library.draft(draft.id).state, .sent)
        XCTAssertEqual(try library.draft(draft.id).remoteCommentID, "300")
    }
}
