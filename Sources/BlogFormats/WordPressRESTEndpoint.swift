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

    /// One page of a post's comments, oldest first; `per_page` is at most 100.
    public func comments(postID: Int, page: Int = 1, perPage: Int = 100) -> URL {
        url(
            route: "wp/v2/comments",
            query: [
                ("post", String(postID)), ("per_page", String(perPage)), ("page", String(page)),
                ("orderby", "date_gmt"), ("order", "asc"),
            ])
    }

    /// One page of published posts, newest first.
    public func posts(page: Int = 1, perPage: Int = 100) -> URL {
        url(route: "wp/v2/posts", query: [("per_page", String(perPage)), ("page", String(page))])
    }

    func url(route: String, query: [(String, String)]) -> URL {
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
        components.queryItems = items
        return components.url ?? root
    }
}
