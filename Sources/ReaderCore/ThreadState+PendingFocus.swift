extension ThreadState {
    /// A comment to select when a thread arrives, named by what it is rather than by id:
    /// the conversations view opens a thread at what the user came to read.
    public enum PendingFocus: Equatable, Sendable {
        /// The first new reply to the user, else the first new comment.
        case firstNewReplyToMe
    }

    /// The row `focus` names in this thread, if any comment fits.
    public func row(for focus: PendingFocus) -> Int? {
        switch focus {
        case .firstNewReplyToMe:
            let rows = thread.rows.indices
            let isNew = { (row: Int) in
                let comment = thread.comment(at: row)
                return comment.isNew && !comment.marks.contains(.muted)
            }
            return rows.first { isNew($0) && thread.comment(at: $0).marks.contains(.replyToMe) }
                ?? rows.first(where: isNew)
        }
    }
}
