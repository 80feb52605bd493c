import BlogModel

/// A fetched feed as the sync needs it: the channel, then one entry per item or Atom entry.
///
/// Built from the format parser's output, so the merge logic does not depend on which
/// of RSS 2.0, RSS 1.0 or Atom the blog serves.
public struct FeedDocument: Equatable, Sendable {
    public var title: String
    /// The site's home page.
    public var link: String
    public var summary: String
    public var language: String
    public var entries: [FeedEntry]

    public init(title: String, link: String = "", summary: String = "", language: String = "", entries: [FeedEntry]) {
        self.title = title
        self.link = link
        self.summary = summary
        self.language = language
        self.entries = entries
    }
}
