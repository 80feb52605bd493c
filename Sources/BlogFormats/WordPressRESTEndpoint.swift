import Foundation

/// Builds WordPress REST API URLs from the API root a site advertises.
///
/// The root is `https://site/wp-json/` with pretty permalinks, or `https://site/?rest_route=/`
/// without them; routes are appended to the path in the first case, to `rest_route` in the second.
public struct WordPressRESTEndpoint: Equatable, Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The usual root for a site address: `<site>/wp-json/`.
    public init(site: URL) {
        var text = site.absoluteString
        if !text.hasSuffix("/") { text += "/" }
        self.root = URL(string: text + "wp-json/") ?? site
    }

    /// One page of a post's comments, oldest first; `per_page` is at most 100. By id, which
    /// is unique: comments sharing a second would otherwise straddle pages unpredictably.
    public func comments(postID: Int, page: Int = 1, perPage: Int = 100) -> URL {
        url(
            route: "wp/v2/comments",
            query: [
                ("post", String(postID)), ("per_page", String(perPage)), ("page", String(page)),
                ("orderby", "id"), ("order", "asc"),
            ])
    }

    /// One page of published posts, newest first.
    public func posts(page: Int = 1, perPage: Int = 100) -> URL {
        url(route: "wp/v2/posts", query: [("per_page", String(perPage)), ("page", String(page))])
    }

    /// One page of the whole site's approved comments, newest id first: ids grow with every
    /// comment whatever date it carries, so new ones are on the first pages.
    public func siteComments(page: Int, perPage: Int = 100) -> URL {
        url(
            route: "wp/v2/comments",
            query: [("per_page", String(perPage)), ("page", String(page)), ("orderby", "id"), ("order", "desc")])
    }

    /// The site's newest comment id alone, with the listing's `X-WP-Total`: a few bytes that
    /// tell whether any comment came or went since the last sync.
    public var siteCommentsProbe: URL {
        url(
            route: "wp/v2/comments",
            query: [("per_page", "1"), ("orderby", "id"), ("order", "desc"), ("_fields", "id")])
    }

    /// One page of published posts with their author and terms embedded, by id; with
    /// `modifiedAfter` (a site-local date) only those modified after it. By id, not by date:
    /// WordPress breaks no ties, and posts sharing a second (an import) would land on two
    /// pages or on none.
    public func posts(page: Int, modifiedAfter: String?, perPage: Int = 100) -> URL {
        var query = [
            ("per_page", String(perPage)), ("page", String(page)), ("orderby", "id"), ("order", "asc"),
            ("_embed", "author,wp:term"),
        ]
        if let modifiedAfter { query.append(("modified_after", modifiedAfter)) }
        return url(route: "wp/v2/posts", query: query)
    }

    /// The site's address, where its feeds and comment form live: the root without `wp-json/`
    /// or `?rest_route=`.
    public var site: URL {
        guard var components = URLComponents(url: root, resolvingAgainstBaseURL: true) else { return root }
        let kept = (components.queryItems ?? []).filter { $0.name != "rest_route" }
        components.queryItems = kept.isEmpty ? nil : kept
        components.fragment = nil
        if components.path.hasSuffix("/wp-json/") {
            components.path.removeLast("wp-json/".count)
        } else if components.path.hasSuffix("/wp-json") {
            components.path.removeLast("wp-json".count)
        }
        // `?rest_route=` roots are often advertised on `index.php`; the site is its folder.
        if components.path.hasSuffix("/index.php") { components.path.removeLast("index.php".count) }
        if components.path.isEmpty { components.path = "/" }
        return components.url ?? root
    }

    /// The site-wide comments feed (RSS2): its validators follow the newest comment, so it
    /// answers 304 while nothing was said anywhere on the site, and it lists pingbacks too.
    public var commentsFeed: URL {
        let site = self.site
        if root.query?.contains("rest_route") == true {
            guard var components = URLComponents(url: site, resolvingAgainstBaseURL: true) else { return site }
            components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "feed", value: "comments-rss2")]
            return components.url ?? site
        }
        var text = site.absoluteString
        if !text.hasSuffix("/") { text += "/" }
        return URL(string: text + "comments/feed/") ?? site
    }

    /// `route` (e.g. `wp/v2/comments`) under the root, in the root's form, with `query`.
    public func url(route: String, query: [(String, String)]) -> URL {
        guard var components = URLComponents(url: root, resolvingAgainstBaseURL: true) else {
            return root
        }
        var items = components.queryItems ?? []
        if let index = items.firstIndex(where: { $0.name == "rest_route" }) {
            var base = items[index].value ?? "/"
            if !base.hasSuffix("/") { base += "/" }
            items[index].value = base + route
        } else {
            if !components.path.hasSuffix("/") { components.path += "/" }
            components.path += route
        }
        items += query.map { URLQueryItem(name: $0.0, value: $0.1) }
        // An empty list would still leave a bare `?` (`…/wp/v2/comments?`).
        components.queryItems = items.isEmpty ? nil : items
        return components.url ?? root
    }
}
