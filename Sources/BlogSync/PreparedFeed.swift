import BlogFormats

/// A parsed feed with the work that needs no database done beforehand: the posts' plain text
/// for the search index and the inline comments grouped by post.
///
/// A sync prepares feeds on the tasks that fetched them, in parallel, so that the single
/// writer only writes.
public struct PreparedFeed: Sendable {
    public let feed: ParsedFeed
    /// The search text of each item of `feed.items` (empty for comment entries).
    let postSearchTexts: [String]
    /// Comments carried by the feed itself, by the source id of their post.
    let inlineComments: [String: [FeedComment]]

    public init(_ feed: ParsedFeed) {
        self.feed = feed
        postSearchTexts = feed.items.map { $0.isComment ? "" : HTMLConverter.plainText(fromHTML: $0.post.contentHTML) }
        inlineComments = FeedCommentList.inlineComments(from: feed)
    }
}
