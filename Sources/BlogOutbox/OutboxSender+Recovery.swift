import BlogModel
import BlogStore
import Foundation

extension OutboxSender {
    /// Settles drafts left in `sending` by a crash, without sending anything.
    ///
    /// A draft whose comment is already among the post's cached comments (same author,
    /// same text) is marked sent with that comment's id; any other is marked failed with
    /// `interruptedReason`, for the user to check the blog and re-queue.
    public func recoverInterrupted() -> [OutboxResult] {
        guard let drafts = try? store.drafts().filter({ $0.state == .sending }) else { return [] }
        return drafts.map { draft in
            if let match = try? matchingComment(for: draft) {
                try? store.setDraftState(id: draft.id, state: .sent, remoteCommentID: match.sourceID)
                return OutboxResult(
                    draftID: draft.id, status: .sent(remoteCommentID: match.sourceID, heldForModeration: false))
            }
            record(draft.id, .failed, Self.interruptedReason)
            return OutboxResult(
                draftID: draft.id, status: .failed(reason: Self.interruptedReason, retryable: false))
        }
    }

    /// After a sync of `postID`: settles interrupted drafts whose comment has now arrived.
    ///
    /// Sent drafts need no change here; `pendingDrafts(postID:)` stops showing a sent draft
    /// once a comment with its remote id is in the thread.
    @discardableResult
    public func reconcile(postID: Int64) -> [OutboxResult] {
        guard let drafts = try? store.drafts() else { return [] }
        var results: [OutboxResult] = []
        for draft in drafts
        where draft.postID == postID && draft.state == .failed
            && draft.lastError == Self.interruptedReason
        {
            guard let match = try? matchingComment(for: draft) else { continue }
            try? store.setDraftState(id: draft.id, state: .sent, remoteCommentID: match.sourceID)
            results.append(
                OutboxResult(
                    draftID: draft.id, status: .sent(remoteCommentID: match.sourceID, heldForModeration: false)))
        }
        return results
    }

    /// The drafts to show as pending nodes in `postID`'s thread: all but sent drafts whose
    /// comment has been synced (same remote id), which the real comment replaces.
    public func pendingDrafts(postID: Int64) throws -> [Draft] {
        let comments = try store.comments(postID: postID)
        return try store.drafts().filter {
            $0.postID == postID && !Self.isReplaced($0, among: comments)
        }
    }

    /// True when `draft` was sent and a comment with its remote id is among `comments`.
    public static func isReplaced(_ draft: Draft, among comments: [Comment]) -> Bool {
        guard draft.state == .sent, let remote = draft.remoteCommentID else { return false }
        return comments.contains {
            $0.sourceID == remote || Comment.siteNumber(of: $0.sourceID).map(String.init) == remote
        }
    }

    /// A cached comment on the draft's post by the same author with the same text.
    func matchingComment(for draft: Draft) throws -> Comment? {
        let author = OutboxCommentText.comparable(draft.authorName).lowercased()
        let text = OutboxCommentText.comparable(draft.body)
        guard !text.isEmpty else { return nil }
        return try store.comments(postID: draft.postID).first { comment in
            OutboxCommentText.comparable(comment.author).lowercased() == author
                && OutboxCommentText.comparable(comment.contentHTML) == text
        }
    }
}
