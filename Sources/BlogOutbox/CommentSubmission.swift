import BlogFormats
import BlogModel
import BlogSync
import Foundation

/// The one HTTP request that sends one comment draft to its WordPress blog.
///
/// A default WordPress takes anonymous comments only through its classic form
/// (`wp-comments-post.php`); its REST API refuses them unless the site opts in or the
/// request carries an application password. The request never follows redirects and is
/// never retried automatically: a POST must reach the blog at most once per send.
public struct CommentSubmission: Equatable, Sendable {
    /// Which WordPress endpoint takes the comment.
    public enum Route: String, Equatable, Sendable, CaseIterable {
        /// `POST {site}/wp-comments-post.php`, form-encoded.
        case form
        /// `POST {site}/wp-json/wp/v2/comments`, JSON.
        case rest
    }

    /// Where the comment goes on the blog.
    public struct Target: Equatable, Sendable {
        /// The site root (`https://example.org` or `https://example.org/blog`).
        public var site: URL
        /// WordPress's numeric post id (`Post.remotePostID`).
        public var remotePostID: Int
        /// WordPress's id of the comment replied to (the parent's `sourceID`); 0 for top level.
        public var remoteParentID: Int
        /// The REST root the site advertises (`…/wp-json/` or `…/?rest_route=/`), when known:
        /// without pretty permalinks `{site}/wp-json/` is a redirect to the home page.
        public var restRoot: URL?

        public init(site: URL, remotePostID: Int, remoteParentID: Int = 0, restRoot: URL? = nil) {
            self.site = site
            self.remotePostID = remotePostID
            self.remoteParentID = remoteParentID
            self.restRoot = restRoot
        }

        /// Where REST comments are posted.
        public var restComments: URL {
            guard let restRoot else { return CommentSubmission.endpoint(site, path: "wp-json/wp/v2/comments") }
            return WordPressRESTEndpoint(root: restRoot).url(route: "wp/v2/comments", query: [])
        }
    }

    public var route: Route
    public var request: FetchRequest

    public init(route: Route, request: FetchRequest) {
        self.route = route
        self.request = request
    }

    /// The route to use: REST with an application password or on a site known to accept
    /// anonymous REST comments, the classic form otherwise.
    public static func route(
        credentials: CommentSubmissionCredentials?, siteAcceptsAnonymousREST: Bool = false
    ) -> Route {
        credentials != nil || siteAcceptsAnonymousREST ? .rest : .form
    }

    /// The classic form request: the six fields WordPress's comment form posts.
    public static func form(draft: Draft, target: Target) -> CommentSubmission {
        let fields: [(String, String)] = [
            ("comment_post_ID", String(target.remotePostID)),
            ("comment_parent", String(target.remoteParentID)),
            ("author", draft.authorName),
            ("email", draft.authorEmail),
            ("url", draft.authorURL),
            ("comment", draft.body),
        ]
        let request = FetchRequest(
            url: endpoint(target.site, path: "wp-comments-post.php"),
            accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
            maxBytes: 1024 * 1024, method: .post, body: Data(formEncoded(fields).utf8),
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            followRedirects: false)
        return CommentSubmission(route: .form, request: request)
    }

    /// The REST request, with HTTP Basic authentication when `credentials` are given; then the
    /// comment is posted as that account, without the draft's name, email and URL (see
    /// `restBody`). The classic form always sends them: it is the anonymous route.
    public static func rest(
        draft: Draft, target: Target, credentials: CommentSubmissionCredentials?
    ) -> CommentSubmission {
        var headers = ["Content-Type": "application/json; charset=UTF-8"]
        if let credentials { headers["Authorization"] = credentials.basicAuthorization }
        let request = FetchRequest(
            url: target.restComments,
            accept: "application/json", maxBytes: 1024 * 1024, method: .post,
            body: restBody(draft: draft, target: target, asAccount: credentials != nil), headers: headers,
            followRedirects: false)
        return CommentSubmission(route: .rest, request: request)
    }

    /// `site` + `/` + `path`, whatever the site's trailing slash.
    static func endpoint(_ site: URL, path: String) -> URL {
        var text = site.absoluteString
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<cut]) }
        if !text.hasSuffix("/") { text += "/" }
        return URL(string: text + path) ?? site.appendingPathComponent(path)
    }
}
