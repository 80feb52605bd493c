/// What the blog did with one comment submission.
public enum CommentSubmissionOutcome: Equatable, Sendable {
    /// The blog took the comment; the id is nil only when the blog did not say it.
    case accepted(remoteCommentID: String?, heldForModeration: Bool)
    case refused(CommentSubmissionFailure)
}
