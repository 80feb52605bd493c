/// A feed document read by `FeedParser`: channel metadata and its items in document order.
public struct ParsedFeed: Equatable, Sendable {
    public var kind: FeedKind
    public var title: String
    /// The site the feed belongs to: RSS `link`, Atom `link rel="alternate"` (resolved).
    public var link: String
    /// The feed's own address (`atom:link rel="self"`), when it names one.
    public var selfURL: String?
    /// RSS `description`, Atom `subtitle` (as plain text).
    public var description: String
    public var language: String
    public var items: [FeedItem]

    public init(
        kind: FeedKind, title: String = "", link: String = "", selfURL: String? = nil,
        description: String = "", language: String = "", items: [FeedItem] = []
    ) {
        self.kind = kind
        self.title = title
        self.link = link
        self.selfURL = selfURL
        self.description = description
        self.language = language
        self.items = items
    }
}
