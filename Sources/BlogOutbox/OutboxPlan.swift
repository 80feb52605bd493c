import BlogModel
import Foundation

/// Where one draft goes and what changed on the blog since it was written.
struct OutboxPlan: Equatable, Sendable {
    var target: CommentSubmission.Target
    /// Reasons to hold the draft back unless the user forces it; empty when all is well.
    var warnings: [String]

    /// The request for `draft`: REST with an application password or on an opted-in site, the form otherwise.
    func submission(for draft: Draft, sender: OutboxSender) -> CommentSubmission {
        let key = CommentSubmissionCredentials.siteKey(target.site.absoluteString)
        let credentials = sender.credentials[key]
        let route = CommentSubmission.route(
            credentials: credentials, siteAcceptsAnonymousREST: sender.anonymousRESTSites.contains(key))
        switch route {
        case .form: return .form(draft: draft, target: target)
        case .rest: return .rest(draft: draft, target: target, credentials: credentials)
        }
    }
}

/// Why a draft cannot be sent at all: something the user must fix first.
struct OutboxPlanFailure: Error, Equatable, Sendable {
    var reason: String
}
