import BlogModel

/// Finds the feeds and the WordPress REST API root a web page advertises in its `<head>`.
public enum HTMLFeedLinks {
    /// The feeds (`<link rel="alternate" type="application/rss+xml|atom+xml">`) in page order
    /// and the REST root (`<link rel="https://api.w.org/">`), with hrefs resolved against
    /// `pageURL`. Titles are terminal-safe; a feed without a title has "".
    public static func discover(html: String, pageURL: String) -> (
        feeds: [(url: String, type: String, title: String)], wordpressAPIRoot: String?
    ) {
        let collector = HTMLFeedLinkCollector(pageURL: pageURL)
        HTMLSAXParser.parse(html, into: collector)
        return (collector.feeds, collector.wordpressAPIRoot)
    }
}
