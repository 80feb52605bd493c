import BlogFormats
import Foundation

/// Finds a blog's feed from the URL a user typed: the URL itself when it is a feed, else
/// the first `<link rel="alternate">` feed of the page; notes a WordPress REST root
/// advertised by a `<link rel="https://api.w.org/">` or a `Link` header.
public enum Discovery {
    public static let wordpressAPIRel = "https://api.w.org/"

    public static func discover(
        _ url: URL, fetcher: HTTPFetcher, options: SyncOptions = SyncOptions()
    ) async throws -> DiscoveryResult {
        let request = FetchRequest(
            url: url, accept: "text/html, " + FetchRequest.feedAccept, maxBytes: options.maxBytes,
            connectTimeout: options.connectTimeout, totalTimeout: options.totalTimeout,
            retryOnce: true, retryCap: options.retryCap, allowsBodyFile: true)
        let response: FetchResponse
        switch await fetcher.fetch(request) {
        case .ok(let ok): response = ok
        case .notModified: throw FetchError(url: url, kind: .network("unexpected 304 Not Modified"))
        case .failed(let error): throw error
        }
        let headerRoot = apiRoot(fromLinkHeader: response.headers["link"], base: response.finalURL)
        let feedURL = response.permanentRedirect ?? url
        if looksLikeFeed(response.bodyHead) {
            return DiscoveryResult(feedURL: feedURL, apiRoot: headerRoot)
        }
        // A page's feed links are in its head: the start of a huge page is enough.
        let html = String(decoding: response.bodyPrefix(FetchRequest.memoryBodyLimit), as: UTF8.self)
        let found = HTMLFeedLinks.discover(html: html, pageURL: response.finalURL.absoluteString)
        let root = headerRoot ?? found.wordpressAPIRoot.flatMap { URL(string: $0) }
        // WordPress lists the posts feed first and the comments feed second.
        let posts = found.feeds.first { !isCommentsFeed($0.url, title: $0.title) } ?? found.feeds.first
        if let posts, let link = URL(string: posts.url) {
            return DiscoveryResult(feedURL: link, apiRoot: root, pageURL: response.finalURL, title: posts.title)
        }
        // A WordPress whose theme prints no feed links (or no page at all) still advertises its
        // API in a header, and serves its posts feed at `?feed=rss2` whatever its permalinks.
        if let root, let feed = Self.wordpressPostsFeed(root: root) {
            return DiscoveryResult(feedURL: feed, apiRoot: root, pageURL: response.finalURL)
        }
        throw FetchError(
            url: url, kind: .notAFeed(contentType: (response.mediaType ?? "unknown type") + ", no feed link"))
    }

    /// True when the body's root element is `rss`, `feed` or `rdf:RDF` (after any prolog,
    /// comments and whitespace, in UTF-8 or UTF-16/32), or an XHTML page's root wraps an Atom
    /// feed — whatever the Content-Type says.
    public static func looksLikeFeed(_ body: Data) -> Bool {
        FeedSniffingHead.looksLikeFeed(body)
    }

    /// The REST root from `Link: <https://site/wp-json/>; rel="https://api.w.org/"`.
    public static func apiRoot(fromLinkHeader header: String?, base: URL) -> URL? {
        guard let header else { return nil }
        for part in header.split(separator: ",") {
            guard part.contains(wordpressAPIRel),
                let open = part.firstIndex(of: "<"), let close = part.firstIndex(of: ">"), open < close
            else { continue }
            let href = part[part.index(after: open)..<close]
            return URL(string: String(href), relativeTo: base)?.absoluteURL
        }
        return nil
    }

    static func wordpressPostsFeed(root: URL) -> URL? {
        guard var components = URLComponents(url: WordPressRESTEndpoint(root: root).site, resolvingAgainstBaseURL: true)
        else { return nil }
        components.queryItems = [URLQueryItem(name: "feed", value: "rss2")]
        return components.url
    }

    private static func isCommentsFeed(_ url: String, title: String) -> Bool {
        url.contains("/comments/feed") || url.contains("feed=comments-")
            || title.lowercased().contains("comments feed")
    }
}
