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
    case threadLoaded(postID: Int64, [Comment])
    case searchResults(query: String, [SearchResultRow])
    case facetsLoaded(FilterKind, [Facet])
    case draftsLoaded([Draft])
    case draftSaved(Draft)
    case syncProgress(String)
    case syncFinished(message: String, isError: Bool)
    /// Any other outcome worth a line on the status bar (a failed load, a browser error).
    case message(String, isError: Bool)
}
