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
            retryOnce: true, retryCap: options.retryCap)
        let response: FetchResponse
        switch await fetcher.fetch(request) {
        case .ok(let ok): response = ok
        case .notModified: throw FetchError(url: url, kind: .network("unexpected 304 Not Modified"))
        case .failed(let error): throw error
        }
        let headerRoot = apiRoot(fromLinkHeader: response.headers["link"], base: response.finalURL)
        let feedURL = response.permanentRedirect ?? url
        if looksLikeFeed(response.body) {
            return DiscoveryResult(feedURL: feedURL, apiRoot: headerRoot)
        }
        let html = String(decoding: response.body, as: UTF8.self)
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
    /// comments and whitespace), whatever the Content-Type says.
    public static func looksLikeFeed(_ body: Data) -> Bool {
        // Asked of every fetched feed: compare bytes, without lowercasing a string first.
        let head = [UInt8](body.prefix(4096))
        func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
        func hasPrefix(_ word: StaticString, at index: Int) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= head.count else { return false }
            return (0..<count).allSatisfy { lower(head[index + $0]) == word.utf8Start[$0] }
        }
        var index = 0
        while let open = head[index...].firstIndex(of: UInt8(ascii: "<")) {
            let tag = open + 1
            guard tag < head.count else { return false }
            if head[tag] == UInt8(ascii: "?") || head[tag] == UInt8(ascii: "!") {
                guard let close = head[tag...].firstIndex(of: UInt8(ascii: ">")) else { return false }
                index = close + 1
                continue
            }
            return hasPrefix("rss", at: tag) || hasPrefix("feed", at: tag) || hasPrefix("rdf:rdf", at: tag)
        }
        return false
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
