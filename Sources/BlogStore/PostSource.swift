/// Where a post being stored comes from, which decides what it may overwrite.
public enum PostSource: Sendable {
    /// A source that knows every field: an export, or the WordPress REST API.
    case complete
    /// A feed: it cannot say whether comments are open, nor tell tags from categories.
    case feed
}
