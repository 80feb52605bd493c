import BlogModel
import BlogSync
import Foundation

extension CommentSubmission {
    /// Reads what the blog answered to this submission.
    public func outcome(of result: FetchResult) -> CommentSubmissionOutcome {
        switch result {
        case .notModified:
            return .refused(CommentSubmissionFailure(kind: .unexpected("HTTP 304")))
        case .ok(let response):
            switch route {
            case .form:
                return Self.formOutcome(
                    status: response.status, location: response.location, body: response.body)
            case .rest: return Self.restOutcome(status: response.status, body: response.body)
            }
        case .failed(let error):
            switch error.kind {
            case .httpStatus(let status, let body):
                let failure =
                    route == .form
                    ? Self.formFailure(status: status, body: body)
                    : Self.restFailure(status: status, body: body)
                return .refused(failure)
            case .retryAfter:
                return .refused(CommentSubmissionFailure(kind: .flood))
            case .timedOut, .connectionLost, .network, .cancelled:
                return .refused(CommentSubmissionFailure(kind: .unreachable(error.message)))
            case .tooLarge, .inflatesTooMuch, .redirectLoop, .tooManyRedirects, .notAFeed:
                return .refused(CommentSubmissionFailure(kind: .unexpected(error.message)))
            }
        }
    }

    /// The form's success is a redirect to the comment: `…#comment-ID`, or
    /// `…?unapproved=ID&moderation-hash=…#comment-ID` when it waits for moderation.
    static func formOutcome(status: Int, location: URL?, body: Data) -> CommentSubmissionOutcome {
        guard (300..<400).contains(status) else {
            // WordPress answers some refusals (missing fields) with a 200 error page.
            return .refused(formFailure(status: status, body: body))
        }
        guard let location else {
            let what = "HTTP \(status) without a Location"
            return .refused(CommentSubmissionFailure(kind: .unexpected(what)))
        }
        let components = URLComponents(url: location, resolvingAgainstBaseURL: true)
        let unapproved = components?.queryItems?.first { $0.name == "unapproved" }?.value
            .flatMap(numericID)
        let fragment = components?.fragment.flatMap { fragment -> String? in
            guard fragment.hasPrefix("comment-") else { return nil }
            return numericID(String(fragment.dropFirst("comment-".count)))
        }
        if let unapproved { return .accepted(remoteCommentID: unapproved, heldForModeration: true) }
        return .accepted(remoteCommentID: fragment, heldForModeration: false)
    }

    static func formFailure(status: Int, body: Data) -> CommentSubmissionFailure {
        let message = errorPageMessage(body)
        let lowered = message?.lowercased() ?? ""
        let kind: CommentSubmissionFailure.Kind
        switch status {
        case 409: kind = .duplicate
        case 429: kind = .flood
        case 403 where lowered.contains("logged in"): kind = .loginRequired
        case 403 where lowered.contains("closed") || lowered.isEmpty: kind = .commentsClosed
        case 404: kind = .postNotFound
        case 400: kind = .missingFields
        case 200..<300
        where lowered.contains("required field") || lowered.contains("type your comment")
            || lowered.contains("valid email"):
            kind = .missingFields
        case 200..<400:
            kind = .unexpected(message.map { "HTTP \(status): \($0)" } ?? "HTTP \(status), no redirect")
        case 500...: kind = .serverError(status)
        default: kind = .clientError(status)
        }
        return CommentSubmissionFailure(kind: kind, serverMessage: message)
    }

    /// REST success is 201 with the new comment; `status` "hold" means awaiting moderation.
    static func restOutcome(status: Int, body: Data) -> CommentSubmissionOutcome {
        guard (200..<300).contains(status),
            let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        else {
            return .refused(restFailure(status: status, body: body))
        }
        let id = (object["id"] as? NSNumber)?.stringValue ?? (object["id"] as? String)
        let held = (object["status"] as? String).map { $0 == "hold" || $0 == "unapproved" } ?? false
        return .accepted(remoteCommentID: id, heldForModeration: held)
    }

    static func restFailure(status: Int, body: Data) -> CommentSubmissionFailure {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        let code = object?["code"] as? String ?? ""
        let message = (object?["message"] as? String).map {
            TerminalSafeText.sanitize(OutboxCommentText.plain(fromHTML: $0))
        }
        let kind: CommentSubmissionFailure.Kind
        switch (status, code) {
        case (_, "rest_comment_login_required"): kind = .applicationPasswordNeeded
        case (_, "incorrect_password"), (_, "rest_authentication_failed"), (401, _):
            kind = code == "" && status == 401 ? .applicationPasswordNeeded : .applicationPasswordRejected
        case (_, "rest_comment_closed"): kind = .commentsClosed
        case (_, "comment_duplicate"), (409, _): kind = .duplicate
        case (_, "comment_flood"), (429, _): kind = .flood
        case (_, "rest_post_invalid_id"), (404, _): kind = .postNotFound
        case (_, "rest_comment_content_invalid"), (_, "require_name_email"),
            (_, "rest_missing_callback_param"):
            kind = .missingFields
        case (500..., _): kind = .serverError(status)
        case (400..<500, _): kind = .clientError(status)
        default: kind = .unexpected("HTTP \(status)" + (object == nil ? ", not JSON" : ""))
        }
        return CommentSubmissionFailure(kind: kind, serverMessage: message)
    }

    /// The text of a `wp_die` page's message (`<div class="wp-die-message">` or the first `<p>`).
    static func errorPageMessage(_ body: Data) -> String? {
        let html = String(decoding: body.prefix(64 * 1024), as: UTF8.self)
        var fragment = html
        if let start = html.range(of: "wp-die-message") ?? html.range(of: "<body") {
            fragment = String(html[start.upperBound...])
            if let open = fragment.firstIndex(of: ">") {
                fragment = String(fragment[fragment.index(after: open)...])
            }
        }
        if let end = fragment.range(of: "</p>") { fragment = String(fragment[..<end.lowerBound]) }
        let text = TerminalSafeText.sanitize(OutboxCommentText.plain(fromHTML: fragment))
        guard !text.isEmpty else { return nil }
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    static func numericID(_ text: String) -> String? {
        !text.isEmpty && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) ? text : nil
    }
}
