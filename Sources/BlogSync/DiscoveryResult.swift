import BlogFormats
import Foundation

/// What a subscription URL led to: the feed to fetch and, for WordPress, the REST API.
public struct DiscoveryResult: Equatable, Sendable {
    /// The posts feed.
    public var feedURL: URL
    /// The WordPress REST root (`…/wp-json/`) when the site advertises one.
    public var apiRoot: URL?
    /// The page the feed was found on, when the URL was a page rather than a feed.
    public var pageURL: URL?
    /// The page's title for the feed, terminal-safe; empty when unknown.
    public var title: String

    public init(feedURL: URL, apiRoot: URL? = nil, pageURL: URL? = nil, title: String = "") {
        self.feedURL = feedURL
        self.apiRoot = apiRoot
        self.pageURL = pageURL
        self.title = title
    }

    /// The WordPress site root derived from the REST root (`https://site/` for
    /// `https://site/wp-json/`, `https://site/?rest_route=/` or `https://site/index.php?rest_route=/`).
    public var siteURL: String? {
        apiRoot.map { WordPressRESTEndpoint(root: $0).site.absoluteString }
    }
}
