import BlogModel
import BlogOutbox
import BlogStore
import BlogSync
import Foundation
import XCTest

/// Sending drafts to a real WordPress-like site on 127.0.0.1, from a real on-disk cache.
final class OutboxSenderTests: XCTestCase {
    private var site: OutboxTestSite!
    private var library: OutboxTestLibrary!

    override func tearDown() {
        site?.stop()
        library?.remove()
        site = nil
        library = nil
    }

    private func start(_ arguments: [String] = [], commentsOpen: Bool = true) throws {
        site = try OutboxTestSite(arguments)
        library = try OutboxTestLibrary(siteURL: site.siteURL, commentsOpen: commentsOpen)
    }

    private func makeSender(
        credentials: [String: CommentSubmissionCredentials] = [:], anonymousREST: Bool = false,
        force: Bool = false
    ) -> OutboxSender {
        OutboxSender(
            store: library.store, credentials: credentials,
            anonymousRESTSites: anonymousREST ? [CommentSubmissionCredentials.siteKey(site.siteURL)] : [],
            force: force)
    }

    func testEachQueuedDraftIsSentOnceAsAWellFormedForm() async throws {
        // Given two queued drafts: a comment in Japanese with an emoji, and a reply to comment 57
        try start()
        let first = try library.makeQueuedDraft("日本語のコメント 🎉 & 100% \"quoted\"\nsecond line")
        let reply = try library.makeQueuedDraft("Agreed, Bea!", parent: library.commentID)

        // When the outbox is sent
        let results = await makeSender().send()

        // Then the site received exactly one form post per draft, fields decoded intact
        let requests = try await site.commentRequests()
        XCTAssertEqual(requests.count, 2)
        XCTAssertEqual(requests.map(\.path), ["/wp-comments-post.php", "/wp-comments-post.php"])
        XCTAssertEqual(requests[0].header("Content-Type"), "application/x-www-form-urlencoded")
        XCTAssertEqual(
            requests[0].form,
            [
                "comment_post_ID": "4", "comment_parent": "0", "author": "Ann", "email": "ann@example.org",
                "url": "https://ann.example.org/", "comment": "日本語のコメント 🎉 & 100% \"quoted\"\nsecond line",
            ])
        XCTAssertEqual(requests[0].formRepeats, [])
        XCTAssertEqual(requests[1].form?["comment_parent"], "57")
        XCTAssertEqual(requests[1].form?["comment"], "Agreed, Bea!")

        // And both drafts are sent with the ids the site gave them
        XCTAssertEqual(
            results.map(\.status),
            [
                .sent(remoteCommentID: "100", heldForModeration: false),
                .sent(remoteCommentID: "101", heldForModeration: false),
            ])
        XCTAssertEqual(try library.draft(first.id).state, .sent)
        XCTAssertEqual(try library.draft(first.id).remoteCommentID, "100")
        XCTAssertEqual(try library.draft(reply.id).remoteCommentID, "101")
    }

    func testASecondSendMakesNoRequest() async throws {
        // Given a draft already sent
        try start()
        try library.makeQueuedDraft("Only once, please.")
        _ = await makeSender().send()

        // When the outbox is sent again
        let again = await makeSender().send()

        // Then nothing was sent the second time
        XCTAssertEqual(again, [])
        let requests = try await site.commentRequests()
        XCTAssertEqual(requests.count, 1)
    }

    func testServerErrorFailsRetryablyAndTheNextSendSucceedsOnce() async throws {
        // Given a site whose next answer is a 500
        try start()
        let draft = try library.makeQueuedDraft("Try me twice.")
        try await site.failNext(1, status: 500)

        // When the outbox is sent
        let first = await makeSender().send()

        // Then the draft failed with a retryable reason and its body is intact
        XCTAssertEqual(
            first.map(\.status),
            [
                .failed(reason: "the blog had a server error (HTTP 500)", retryable: true)
            ])
        let failed = try library.draft(draft.id)
        XCTAssertEqual(failed.state, .failed)
        XCTAssertTrue(OutboxSender.isRetryable(failed))
        XCTAssertEqual(failed.body, "Try me twice.")

        // When it is sent again, and then once more
        let second = await makeSender().send()
        let third = await makeSender().send()

        // Then the second send delivered it, the third sent nothing: two requests in all
        XCTAssertEqual(second.map(\.status), [.sent(remoteCommentID: "100", heldForModeration: false)])
        XCTAssertEqual(third, [])
        let requests = try await site.commentRequests()
        XCTAssertEqual(requests.count, 2)
        XCTAssertNil(try library.draft(draft.id).lastError)
    }

    func testDuplicateIsReportedAndNotRetried() async throws {
        // Given a comment the site already has
        try start()
        try library.makeQueuedDraft("Same words.")
        _ = await makeSender().send()
        let duplicate = try library.makeQueuedDraft("Same words.")

        // When the duplicate is sent, twice
        let first = await makeSender().send()
        let second = await makeSender().send()

        // Then the site's 409 is reported in words and the draft is not sent again
        XCTAssertEqual(
            first.map(\.status),
            [
                .failed(reason: "the blog says this is a duplicate comment (already posted)", retryable: false)
            ])
        XCTAssertEqual(second, [])
        XCTAssertEqual(try library.draft(duplicate.id).state, .failed)
        let requests = try await site.commentRequests()
        XCTAssertEqual(requests.count, 2)
    }

    func testClosedCommentsAreReportedAndNotRetried() async throws {
        // Given a site that closed comments on post 4 (the cache does not know yet)
        try start(["--closed", "4"])
        let draft = try library.makeQueuedDraft("Too late?")

        // When the outbox is sent, twice
        let first = await makeSender().send()
        let second = await makeSender().send()

        // Then the 403 reads as closed comments and only one request was made
        XCTAssertEqual(first.map(\.status), [.failed(reason: "comments are closed on this post", retryable: false)])
        XCTAssertEqual(second, [])
        XCTAssertEqual(try library.draft(draft.id).lastError, "comments are closed on this post")
        let requests = try await site.commentRequests()
        XCTAssertEqual(requests.count, 1)
    }

    func testServerDownLosesNothingAndRetriesLater() async throws {
        // Given a draft for a site that has gone away
        try start()
        let draft = try library.makeQueuedDraft("Written on a train 🚆")
        site.stop()

        // When the outbox is sent
        let results = await makeSender().send()

        // Then the draft failed as unreachable, retryable, with its text intact
        guard case .failed(let reason, let retryable) = results.first?.status else {
            return XCTFail("expected a failure, got \(results)")
        }
        XCTAssertTrue(reason.hasPrefix("the blog could not be reached"), reason)
        XCTAssertTrue(retryable)
        let kept = try library.draft(draft.id)
        XCTAssertEqual(kept.body, "Written on a train 🚆")
        XCTAssertEqual(kept.state, .failed)
        XCTAssertTrue(OutboxSender.isSendable(kept))
    }

    func testApplicationPasswordSendsThroughRESTWithBasicAuth() async throws {
        // Given an application password for this blog
        try start(["--user", "ann:abcd efgh ijkl"])
        try library.makeQueuedDraft("Via REST ✓", parent: library.commentID)
        let credentials = [
            CommentSubmissionCredentials.siteKey(site.siteURL):
                CommentSubmissionCredentials(user: "ann", password: "abcd efgh ijkl")
        ]

        // When the outbox is sent
        let results = await makeSender(credentials: credentials).send()

        // Then one authenticated JSON request went to the REST API
        XCTAssertEqual(results.map(\.status), [.sent(remoteCommentID: "100", heldForModeration: false)])
        XCTAssertEqual(results.first?.route, .rest)
        let requests = try await site.commentRequests()
        XCTAssertEqual(requests.count, 1)
        XCTAssertEqual(requests[0].path, "/wp-json/wp/v2/comments")
        XCTAssertEqual(
            requests[0].header("Authorization"),
            "Basic " + Data("ann:abcd efgh ijkl".utf8).base64EncodedString())
        XCTAssertEqual(requests[0].json?["post"], .number(4))
        XCTAssertEqual(requests[0].json?["parent"], .number(57))
        XCTAssertEqual(requests[0].json?["content"], .string("Via REST ✓"))
        // And it names no author, so WordPress stores it as the account's own comment
        XCTAssertNil(requests[0].json?["author_name"])
        XCTAssertNil(requests[0].json?["author_email"])
        XCTAssertNil(requests[0].json?["author_url"])
    }

    func testRESTWithoutPasswordOnAClosedAPIExplainsWhatIsNeeded() async throws {
        // Given a site believed to accept anonymous REST comments, which does not
        try start()
        try library.makeQueuedDraft("Anonymous REST?")

        // When the outbox is sent
        let results = await makeSender(anonymousREST: true).send()

        // Then the reason says an application password is needed
        XCTAssertEqual(
            results.map(\.status),
            [
                .failed(reason: "this blog's REST API needs an application password", retryable: false)
            ])
    }

    func testHeldForModerationCountsAsSent() async throws {
        // Given a site that holds every comment for moderation
        try start(["--moderate"])
        let draft = try library.makeQueuedDraft("Please approve me.")

        // When the outbox is sent
        let results = await makeSender().send()

        // Then the draft is sent, held, with the id from unapproved=
        XCTAssertEqual(results.map(\.status), [.sent(remoteCommentID: "100", heldForModeration: true)])
        XCTAssertEqual(try library.draft(draft.id).lastError, "held for moderation by the blog")
    }

    func testDryRunSendsNothingAndChangesNothing() async throws {
        // Given a queued draft
        try start()
        let draft = try library.makeQueuedDraft("Not yet.")

        // When a dry run is made
        let results = await makeSender().send(dryRun: true)

        // Then it names the request it would make, and none was made
        XCTAssertEqual(results.map(\.status), [.wouldSend])
        XCTAssertEqual(
            results.first?.description, "draft \(draft.id): would POST to \(site.siteURL)/wp-comments-post.php (form)")
        let requests = try await site.commentRequests()
        XCTAssertEqual(requests.count, 0)
        XCTAssertEqual(try library.draft(draft.id).state, .queued)
    }

    func testRemovedParentWarnsAndIsSentOnlyWhenForced() async throws {
        // Given a reply to a comment that a later sync marked as spam
        try start()
        let reply = try library.makeQueuedDraft("Replying to a ghost", parent: library.commentID)
        try library.syncComment(sourceID: "57", author: "Bea", html: "<p>First!</p>", status: .spam)

        // When the outbox is sent
        let results = await makeSender().send()

        // Then the draft stops with the warning, and no request is made
        guard case .warned(let warning) = results.first?.status else { return XCTFail("\(results)") }
        XCTAssertTrue(warning.contains("removed or is no longer approved"), warning)
        XCTAssertEqual(try library.draft(reply.id).state, .queued)
        var requests = try await site.commentRequests()
        XCTAssertEqual(requests.count, 0)

        // When it is forced
        let forced = await makeSender(force: true).send()

        // Then it goes out as a top-level comment
        XCTAssertEqual(forced.map(\.status), [.sent(remoteCommentID: "100", heldForModeration: false)])
        requests = try await site.commentRequests()
        XCTAssertEqual(requests.map { $0.form?["comment_parent"] }, ["0"])
    }

    func testPostClosedSinceWritingWarnsBeforeSending() async throws {
        // Given a cache that knows the post's comments are closed
        try start(commentsOpen: false)
        let draft = try library.makeQueuedDraft("Closed?")

        // When the outbox is sent
        let results = await makeSender().send()

        // Then one line names the draft and the post, says why and how to send anyway
        XCTAssertEqual(
            results.map(\.description),
            [
                "draft \(draft.id): not sent: comments are closed on “A post”; the blog will refuse it"
                    + " (send with --force to send anyway)"
            ])
        // And no request was made, and the draft stays queued for a forced send
        let requests = try await site.commentRequests()
        XCTAssertEqual(requests.count, 0)
        XCTAssertEqual(try library.draft(draft.id).state, .queued)
    }

    func testProbeFindsASiteThatTakesAnonymousRESTComments() async throws {
        // Given a site that opted in to anonymous REST comments
        try start(["--anonymous-rest"])
        try library.makeQueuedDraft("Found by probing")

        // When the outbox is sent with probing on
        var sender = makeSender()
        sender.probeAnonymousREST = true
        let results = await sender.send()

        // Then one empty probe (which stored nothing) preceded one REST comment
        XCTAssertEqual(results.map(\.status), [.sent(remoteCommentID: "100", heldForModeration: false)])
        XCTAssertEqual(results.first?.route, .rest)
        let requests = try await site.commentRequests()
        XCTAssertEqual(requests.map(\.path), ["/wp-json/wp/v2/comments", "/wp-json/wp/v2/comments"])
        XCTAssertNil(requests[0].json?["content"])
        XCTAssertNil(requests[1].header("Authorization"))
        // And, anonymous, the comment carries the draft's name
        XCTAssertEqual(requests[1].json?["author_name"], .string("Ann"))
        XCTAssertEqual(requests[1].json?["author_email"], .string("ann@example.org"))
    }

    func testProbeOnADefaultSiteKeepsTheForm() async throws {
        // Given a default WordPress (no anonymous REST)
        try start()
        try library.makeQueuedDraft("Form it is")

        // When the outbox is sent with probing on
        var sender = makeSender()
        sender.probeAnonymousREST = true
        let results = await sender.send()

        // Then the comment went through the form
        XCTAssertEqual(results.first?.route, .form)
        let requests = try await site.commentRequests()
        XCTAssertEqual(requests.map(\.path), ["/wp-json/wp/v2/comments", "/wp-comments-post.php"])
    }
}
