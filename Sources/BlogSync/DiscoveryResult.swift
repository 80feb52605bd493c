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
    /// `https://site/wp-json/` or `https://site/?rest_route=/`).
    public var siteURL: String? {
        guard let apiRoot, var components = URLComponents(url: apiRoot, resolvingAgainstBaseURL: true)
        else { return nil }
        components.query = nil
        components.fragment = nil
        if components.path.hasSuffix("/wp-json/") {
            components.path.removeLast("wp-json/".count)
        } else if components.path.hasSuffix("/wp-json") {
            components.path.removeLast("wp-json".count)
        }
        if components.path.isEmpty { components.path = "/" }
        return components.url?.absoluteString
    }
}
