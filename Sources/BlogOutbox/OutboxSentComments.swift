import BlogModel
import Foundation

/// The user's sent comments that no sync has brought yet, as comments of their thread.
///
/// A draft the blog accepted keeps the blog's id (`remoteCommentID`); until a synced comment
/// with that id is cached, the thread shows the draft in its place, so what the user just
/// sent does not vanish. Once the sync brings the comment, the draft is no longer listed
/// here and the real comment takes its place: no duplicate. A sent draft without an id
/// cannot be told from its synced copy and is left out.
public enum OutboxSentComments {
    /// `drafts`' sent comments not yet among `comments` (one post's cached comments), each
    /// under its parent's source id, dated when it was sent, `pending` while the blog holds it
    /// for moderation. Their cache id is the draft's id negated, so none matches a real row.
    public static func comments(from drafts: [Draft], among comments: [Comment]) -> [Comment] {
        let sent = drafts.filter { $0.state == .sent && $0.remoteCommentID != nil }
        guard !sent.isEmpty else { return [] }
        let parentByID = Dictionary(comments.map { ($0.id, $0.sourceID) }, uniquingKeysWith: { first, _ in first })
        return sent.filter { !OutboxSender.isReplaced($0, among: comments) }.map { draft in
            Comment(
                id: -draft.id, postID: draft.postID, sourceID: draft.remoteCommentID ?? "",
                parentSourceID: draft.parentCommentID.flatMap { parentByID[$0] }, author: draft.authorName,
                authorEmail: draft.authorEmail, authorURL: draft.authorURL, published: draft.updated,
                contentHTML: OutboxCommentText.html(fromPlain: draft.body),
                status: draft.isAwaitingModeration ? .pending : .approved)
        }
    }
}
