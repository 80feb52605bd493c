import BlogModel
import BlogOutbox
import BlogSync
import Foundation
import XCTest

/// Building one comment request and reading WordPress's answers, without a network.
final class OutboxSubmissionTests: XCTestCase {
    private let site = URL(string: "https://blog.example.org/")!

    private func makeDraft(_ body: String) -> Draft {
        Draft(postID: 1, authorName: "Zoë Ann", authorEmail: "zoe+blog@example.org", authorURL: "", body: body)
    }

    private func makeResponse(_ status: Int, location: String? = nil, body: String = "") -> FetchResult {
        .ok(
            FetchResponse(
                status: status, body: Data(body.utf8), finalURL: site.appendingPathComponent("wp-comments-post.php"),
                headers: location.map { ["location": $0] } ?? [:]))
    }

    private func makeError(_ status: Int, body: String) -> FetchResult {
        .failed(FetchError(url: site, kind: .httpStatus(status, body: Data(body.utf8))))
    }

    func testFormBodyIsPercentEncodedUTF8InFieldOrder() {
        // When a form submission is built for a reply
        let submission = CommentSubmission.form(
            draft: makeDraft("a b&c=d 日本 🎉"),
            target: .init(site: site, remotePostID: 42, remoteParentID: 7))

        // Then it posts the six fields, encoded as a browser would, and does not follow redirects
        XCTAssertEqual(submission.request.url.absoluteString, "https://blog.example.org/wp-comments-post.php")
        XCTAssertEqual(submission.request.method, .post)
        XCTAssertFalse(submission.request.followRedirects)
        XCTAssertFalse(submission.request.retryOnce)
        XCTAssertEqual(
            String(decoding: submission.request.body ?? Data(), as: UTF8.self),
            "comment_post_ID=42&comment_parent=7&author=Zo%C3%AB+Ann&email=zoe%2Bblog%40example.org&url="
                + "&comment=a+b%26c%3Dd+%E6%97%A5%E6%9C%AC+%F0%9F%8E%89")
    }

    func testFormRedirectToTheCommentIsSuccess() {
        let submission = CommentSubmission.form(draft: makeDraft("x"), target: .init(site: site, remotePostID: 4))
        XCTAssertEqual(
            submission.outcome(of: makeResponse(302, location: "https://blog.example.org/2024/01/hello/#comment-812")),
            .accepted(remoteCommentID: "812", heldForModeration: false))
        XCTAssertEqual(
            submission.outcome(
                of: makeResponse(
                    302, location: "https://blog.example.org/?p=4&unapproved=813&moderation-hash=ab#comment-813")),
            .accepted(remoteCommentID: "813", heldForModeration: true))
    }

    func testFormErrorPagesReadAsReasons() {
        let submission = CommentSubmission.form(draft: makeDraft("x"), target: .init(site: site, remotePostID: 4))
        func reason(_ result: FetchResult) -> String? {
            if case .refused(let failure) = submission.outcome(of: result) { return failure.reason }
            return nil
        }
        XCTAssertEqual(
            reason(makeError(409, body: "<p>Duplicate comment detected</p>")),
            "the blog says this is a duplicate comment (already posted)")
        XCTAssertEqual(
            reason(makeError(403, body: "<p>Sorry, comments are closed for this item.</p>")),
            "comments are closed on this post")
        XCTAssertEqual(
            reason(makeError(429, body: "<p>You are posting comments too quickly.</p>")),
            "the blog says comments are being posted too quickly (HTTP 429)")
        XCTAssertEqual(reason(makeError(400, body: "")), "the blog wants a name, an email address and a comment")
        // WordPress answers missing fields with a 200 error page
        XCTAssertEqual(
            reason(makeResponse(200, body: "<p><strong>Error:</strong> Please fill the required fields.</p>")),
            "the blog wants a name, an email address and a comment")
        XCTAssertEqual(
            reason(makeError(418, body: "<p>\u{1B}]0;pwned\u{07}teapot</p>")),
            "the blog refused the comment (HTTP 418): ␛]0;pwned␇teapot")
    }

    func testRESTAnswers() {
        let submission = CommentSubmission.rest(
            draft: makeDraft("x"), target: .init(site: site, remotePostID: 4), credentials: nil)
        XCTAssertNil(submission.request.headers["Authorization"])
        XCTAssertEqual(
            submission.outcome(of: makeResponse(201, body: #"{"id": 900, "status": "hold"}"#)),
            .accepted(remoteCommentID: "900", heldForModeration: true))
        let refusals: [(Int, String, CommentSubmissionFailure.Kind)] = [
            (401, "rest_comment_login_required", .applicationPasswordNeeded),
            (403, "rest_comment_closed", .commentsClosed),
            (409, "comment_duplicate", .duplicate),
            (503, "", .serverError(503)),
        ]
        for (status, code, kind) in refusals {
            let body = #"{"code": "\#(code)", "message": "m", "data": {"status": \#(status)}}"#
            guard case .refused(let failure) = submission.outcome(of: makeError(status, body: body)) else {
                return XCTFail("\(status) accepted")
            }
            XCTAssertEqual(failure.kind, kind)
            XCTAssertEqual(failure.retryable, status >= 500)
        }
    }

    func testRESTWithAnApplicationPasswordNamesNoAuthor() throws {
        // Given a reply, sent through REST with and without an application password
        let target = CommentSubmission.Target(site: site, remotePostID: 4, remoteParentID: 7)
        let password = CommentSubmissionCredentials(user: "zoe", password: "abcd efgh")
        func body(_ credentials: CommentSubmissionCredentials?) throws -> [String: Any] {
            let request = CommentSubmission.rest(draft: makeDraft("Hi"), target: target, credentials: credentials)
                .request
            return try XCTUnwrap(JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any])
        }

        // Then with the password the comment is the account's: no author fields at all
        let asAccount = try body(password)
        XCTAssertEqual(Set(asAccount.keys), ["post", "parent", "content"])
        // And anonymous it carries the draft's name, email and address
        let anonymous = try body(nil)
        XCTAssertEqual(anonymous["author_name"] as? String, "Zoë Ann")
        XCTAssertEqual(anonymous["author_email"] as? String, "zoe+blog@example.org")
        XCTAssertEqual(anonymous["author_url"] as? String, "")
    }

    func testTemporaryAndPermanentRefusals() {
        // A 408 (the blog stopped waiting before reading the request) and a 429 are retried;
        // any other 4xx is for good
        XCTAssertTrue(CommentSubmissionFailure(kind: .clientError(408)).retryable)
        XCTAssertTrue(CommentSubmissionFailure(kind: .flood).retryable)
        XCTAssertFalse(CommentSubmissionFailure(kind: .clientError(418)).retryable)
        XCTAssertFalse(CommentSubmissionFailure(kind: .commentsClosed).retryable)
        XCTAssertFalse(CommentSubmissionFailure(kind: .duplicate).retryable)
    }

    func testCredentialsFileMustBePrivate() throws {
        // Given a credentials file readable by others
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-pw-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let credentials = ["https://blog.example.org": CommentSubmissionCredentials(user: "ann", password: "abcd efgh")]
        try CommentSubmissionCredentials.save(credentials, to: url)
        XCTAssertEqual(try CommentSubmissionCredentials.load(from: url), credentials)

        chmod(url.path, 0o644)
        XCTAssertThrowsError(try CommentSubmissionCredentials.load(from: url))
    }
}
