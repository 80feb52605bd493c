import BlogModel
import BlogStore
import BlogSync
import Foundation

/// Sends queued comment drafts to their blogs, each at most once.
///
/// Every draft is persisted as `sending` before its request goes out, so a crash mid-send
/// leaves a trace: such drafts are never resent silently (see `recoverInterrupted()`).
/// One request per draft per send; a POST is never retried automatically.
public struct OutboxSender: Sendable {
    /// The reason left on a draft found in `sending` that cannot be matched on the blog.
    public static let interruptedReason =
        "interrupted while sending; check the blog and re-queue to send again"
    /// Ends the stored reason of a failure the next send retries (5xx, 429, network).
    public static let retryMarker = " (will retry on the next send)"

    public var store: LibraryStore
    public var fetcher: HTTPFetcher
    /// Application passwords by `CommentSubmissionCredentials.siteKey(_:)`.
    public var credentials: [String: CommentSubmissionCredentials]
    /// Site keys known to accept anonymous REST comments.
    public var anonymousRESTSites: Set<String>
    /// Sends drafts despite warnings (closed comments, a removed parent).
    public var force: Bool
    /// Before sending, asks each site without an application password whether it takes
    /// anonymous REST comments (one extra request per site, which creates nothing).
    public var probeAnonymousREST: Bool

    public init(
        store: LibraryStore, fetcher: HTTPFetcher = HTTPFetcher(),
        credentials: [String: CommentSubmissionCredentials] = [:],
        anonymousRESTSites: Set<String> = [], force: Bool = false, probeAnonymousREST: Bool = false
    ) {
        self.store = store
        self.fetcher = fetcher
        self.credentials = credentials
        self.anonymousRESTSites = anonymousRESTSites
        self.force = force
        self.probeAnonymousREST = probeAnonymousREST
    }

    /// True for a failed draft whose failure the next send retries.
    public static func isRetryable(_ draft: Draft) -> Bool {
        draft.state == .failed && (draft.lastError?.hasSuffix(retryMarker) ?? false)
    }

    /// True for a draft that failed for good: the blog refused it (a 4xx other than 408 and
    /// 429: closed comments, a duplicate, a post gone), it could not be planned, or its send
    /// was interrupted. Queueing it again fails the same way (or, interrupted, may post twice)
    /// unless the user changes something first, so only a send of it by id retries it.
    public static func hasFailedForGood(_ draft: Draft) -> Bool {
        draft.state == .failed && !isRetryable(draft)
    }

    /// True for the drafts a send picks up: queued ones and retryable failures.
    public static func isSendable(_ draft: Draft) -> Bool {
        draft.state == .queued || isRetryable(draft)
    }

    /// Recovers interrupted sends, then sends every sendable draft once, oldest first.
    ///
    /// With `dryRun`, nothing is requested or stored: the results say what would be sent.
    public func send(dryRun: Bool = false) async -> [OutboxResult] {
        var results = dryRun ? [] : recoverInterrupted()
        let drafts: [Draft]
        do {
            drafts = try store.drafts().filter(Self.isSendable)
        } catch {
            let reason = "cannot read the drafts: \(error)"
            return results + [OutboxResult(draftID: 0, status: .failed(reason: reason, retryable: true))]
        }
        var sender = self
        if probeAnonymousREST, !dryRun {
            sender.anonymousRESTSites.formUnion(await probedAnonymousRESTSites(for: drafts))
        }
        for draft in drafts {
            results.append(await sender.send(draft, dryRun: dryRun))
        }
        return results
    }

    /// Sends one draft: warnings first, then `sending` persisted, then exactly one request.
    func send(_ draft: Draft, dryRun: Bool) async -> OutboxResult {
        let plan: OutboxPlan
        switch makePlan(for: draft) {
        case .failure(let failure):
            if !dryRun { record(draft.id, .failed, failure.reason) }
            return OutboxResult(
                draftID: draft.id, status: .failed(reason: failure.reason, retryable: false))
        case .success(let made):
            plan = made
        }
        let submission = plan.submission(for: draft, sender: self)
        let route = submission.route
        let url = submission.request.url
        if let warning = plan.warnings.first, !force {
            // Stays queued so that a forced send (or an edit) can still take it.
            if !dryRun { record(draft.id, .queued, warning) }
            return OutboxResult(draftID: draft.id, status: .warned(warning), route: route, url: url)
        }
        if dryRun { return OutboxResult(draftID: draft.id, status: .wouldSend, route: route, url: url) }

        do {
            guard try store.claimDraftForSending(id: draft.id) else {
                let reason = "another send took this draft"
                return OutboxResult(
                    draftID: draft.id, status: .failed(reason: reason, retryable: false), route: route, url: url)
            }
        } catch {
            let reason = "cannot update the draft: \(error)"
            return OutboxResult(
                draftID: draft.id, status: .failed(reason: reason, retryable: true), route: route, url: url)
        }
        switch submission.outcome(of: await fetcher.fetch(submission.request)) {
        case .accepted(let remoteID, let held):
            let note = held ? Draft.heldForModerationNote : nil
            do {
                try store.setDraftState(id: draft.id, state: .sent, error: note, remoteCommentID: remoteID)
            } catch {
                // Left in `sending`: the next start checks the blog instead of resending.
            }
            return OutboxResult(
                draftID: draft.id, status: .sent(remoteCommentID: remoteID, heldForModeration: held),
                route: route, url: url)
        case .refused(let failure):
            record(draft.id, .failed, failure.reason + (failure.retryable ? Self.retryMarker : ""))
            return OutboxResult(
                draftID: draft.id, status: .failed(reason: failure.reason, retryable: failure.retryable),
                route: route, url: url)
        }
    }

    /// The sites among `drafts`' blogs, without an application password, that take anonymous REST comments.
    func probedAnonymousRESTSites(for drafts: [Draft]) async -> Set<String> {
        var probed: Set<String> = []
        var accepting: Set<String> = []
        for draft in drafts {
            guard case .success(let plan) = makePlan(for: draft) else { continue }
            let key = CommentSubmissionCredentials.siteKey(plan.target.site.absoluteString)
            guard credentials[key] == nil, !anonymousRESTSites.contains(key), probed.insert(key).inserted
            else { continue }
            let request = CommentSubmission.anonymousRESTProbe(target: plan.target)
            if CommentSubmission.acceptsAnonymousREST(await fetcher.fetch(request)) { accepting.insert(key) }
        }
        return accepting
    }

    func record(_ id: Int64, _ state: Draft.State, _ reason: String?) {
        try? store.setDraftState(id: id, state: state, error: reason)
    }
}
