extension Draft {
    /// What a sent draft keeps in `lastError` when the blog held its comment for moderation.
    ///
    /// The outbox writes it and the reader and `lectern show` read it, so it lives beside the
    /// model they share rather than in either of them.
    public static let heldForModerationNote = "held for moderation by the blog"

    /// True for a sent draft whose comment waits for the blog's moderator.
    public var isAwaitingModeration: Bool {
        state == .sent && lastError == Self.heldForModerationNote
    }
}
