import BlogModel
import BlogOutbox
import BlogStore
import BlogSync
import Foundation
import XCTest

/// `lectern drafts queue --all`: what failed for good stays out unless named by id.
final class OutboxQueueSelectionTests: XCTestCase {
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

    /// Queues `body` and sends the outbox once against a site whose next `count` answers are
    /// `status`; any temporary failure queued before is sent (and refused) again too.
    @discardableResult
    private func makeFailedDraft(_ body: String, status: Int, count: Int = 1) async throws -> Draft {
        let draft = try library.makeQueuedDraft(body)
        try await site.failNext(count, status: status)
        _ = await OutboxSender(store: library.store).send()
        return try library.draft(draft.id)
    }

    func testQueueAllSkipsWhatFailedForGoodAndKeepsTemporaryFailures() async throws {
        // Given a draft the blog refused as a duplicate (409), one it did not read in time
        // (408), one refused for a server error (500, the 408 retried with it), and a plain draft
        let duplicate = try await makeFailedDraft("Said that already", status: 409)
        let timedOut = try await makeFailedDraft("Slow line", status: 408)
        XCTAssertTrue(OutboxSender.isRetryable(try library.draft(timedOut.id)))
        let broken = try await makeFailedDraft("Server down", status: 500, count: 2)
        let plain = try library.store.saveDraft(Draft(postID: library.postID, authorName: "Ann", body: "Not yet sent"))
        let failed = try [duplicate, timedOut, broken].map { try library.draft($0.id).state }
        XCTAssertEqual(failed, [.failed, .failed, .failed])

        // When every draft is queued with --all
        let selection = OutboxQueueSelection(all: try library.store.drafts())

        // Then the plain draft and the temporary failures are queued, the duplicate is not
        XCTAssertEqual(selection.queued.map(\.id), [timedOut.id, broken.id, plain.id])
        XCTAssertEqual(selection.skipped.map(\.id), [duplicate.id])
        // And a line says what was skipped and how to queue it
        XCTAssertEqual(
            selection.skippedNote,
            "skipped 1 draft that failed for good (\(duplicate.id); `lectern drafts` shows why);"
                + " queue one anyway with `lectern drafts queue ID`")
    }

    func testClosedCommentsAndInterruptedSendsFailForGood() async throws {
        // Given a draft the blog refused as closed, and one whose send was interrupted
        let closed = try await makeFailedDraft("Closed?", status: 403)
        let interrupted = try library.makeQueuedDraft("Cut off")
        try library.store.setDraftState(id: interrupted.id, state: .sending)
        _ = OutboxSender(store: library.store).recoverInterrupted()

        // When every draft is queued with --all
        let selection = OutboxQueueSelection(all: try library.store.drafts())

        // Then neither is queued: one would be refused again, the other might post twice
        XCTAssertEqual(closed.lastError, "comments are closed on this post")
        XCTAssertEqual(selection.queued, [])
        XCTAssertEqual(selection.skipped.map(\.id), [closed.id, interrupted.id])
        XCTAssertTrue(selection.skippedNote?.hasPrefix("skipped 2 drafts that failed for good") ?? false)
    }

    func testNothingSkippedSaysNothing() throws {
        try library.store.saveDraft(Draft(postID: library.postID, body: "Plain"))
        XCTAssertNil(OutboxQueueSelection(all: try library.store.drafts()).skippedNote)
    }
}
