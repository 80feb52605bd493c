import BlogModel

/// Everything `reduce` reacts to: user input and the results of effects.
public enum Action: Equatable, Sendable {
    /// The reader opened: load the newest posts and open the newest one.
    case start
    case input(InputEvent)
    /// A command issued directly, bypassing the key map.
    case command(Command)
    case postsLoaded(PostWindowRequest, PostPage)
    case postLoaded(Post, RichText)
    /// Where the user left the post last time; comes before the post and its thread.
    case positionLoaded(ThreadPosition)
    /// The followed threads with unseen comments, in the view's order.
    case conversationsLoaded([Conversation])
    /// A post's comments and each one's text (in the same order), converted from HTML.
    case threadLoaded(postID: Int64, [Comment], texts: [RichText])
    case searchResults(query: String, [SearchResultRow])
    case facetsLoaded(FilterKind, [Facet])
    case draftsLoaded([Draft])
    case draftSaved(Draft)
    /// The user set out to comment but Lectern does not know their name yet: ask for it.
    case identityNeeded(postID: Int64, parentCommentID: Int64?)
    /// The editor returned the draft empty: the user is asked whether to discard it.
    case draftEmptied(EmptyDraft)
    /// Drafts an editor left behind (the reader died while it was open) are in the cache again.
    case draftsRecovered(ids: [Int64])
    /// Selects the comment at `row` (an index into `thread.thread.rows`), unfolding what hides
    /// it and focusing the thread: the runner maps a mouse press through `threadViewport`.
    case selectThreadRow(Int)
    case syncProgress(String)
    case syncFinished(message: String, isError: Bool)
    /// The reader's own writes (read marks, visits) wait for another process's write lock
    /// (true), or went through (false).
    case writesWaiting(Bool)
    /// Any other outcome worth a line on the status bar (a failed load, a browser error).
    case message(String, isError: Bool)
    /// The answer to a `.library` effect.
    case library(LibraryAction)
}
