import BlogModel
import Foundation

/// Reads the post lists of the WordPress REST API (`/wp-json/wp/v2/posts`).
public enum WordPressRESTPosts {
    /// Decodes a JSON array of posts; only published posts of type `post` are kept.
    ///
    /// A post's `sourceID` is its guid (`http://example.org/?p=4`), the same identity the
    /// site's RSS feed gives it, so REST and feed syncs of one blog agree on every post.
    /// - Throws: `WordPressRESTError` for a body that is not a list.
    public static func decode(_ data: Data) throws -> [Post] {
        try WordPressRESTObject.list(from: data).compactMap(post)
    }

    static func post(from object: WordPressRESTObject) -> Post? {
        // Logged-out callers only see published posts, but a key-holding caller may not.
        if let status = object.string("status"), status != "publish" { return nil }
        if let type = object.string("type"), type != "post" { return nil }
        let id = object.int("id")
        let link = object.string("link") ?? ""
        let guid = object.rendered("guid").map { FeedHTML.plainText(fromHTML: $0) } ?? ""
        let sourceID = !guid.isEmpty ? guid : !link.isEmpty ? link : id.map(String.init) ?? ""
        guard !sourceID.isEmpty else { return nil }
        let embedded = object.object("_embedded")
        let terms = embedded?.fields["wp:term"] as? [Any] ?? []
        let termObjects = terms.flatMap { ($0 as? [Any] ?? []).compactMap { $0 as? [String: Any] } }
            .map(WordPressRESTObject.init)
        func names(_ taxonomy: String) -> [String] {
            termObjects.filter { $0.string("taxonomy") == taxonomy }
                .compactMap { $0.string("name").map { FeedHTML.plainText(fromHTML: $0) } }
        }
        return Post(
            sourceID: sourceID,
            title: FeedHTML.plainText(fromHTML: object.rendered("title") ?? ""),
            link: link,
            author: embedded?.objects("author").first?.string("name") ?? "",
            published: object.date("date"),
            updated: object.date("modified"),
            categories: names("category"),
            tags: names("post_tag"),
            contentHTML: object.rendered("content") ?? "",
            excerptHTML: object.rendered("excerpt") ?? "",
            remotePostID: id,
            commentsOpen: object.string("comment_status").map { $0 == "open" } ?? true,
            authorUserID: object.int("author"))
    }
}

/// One page of the site's post listing (`/wp/v2/posts`).
public struct WordPressRESTPostPage: Sendable {
    public var posts: [Post]
    /// How many entries the page held, published posts or not.
    public var count: Int
    /// The newest site-local `modified` on the page, as sent (`modified_after` compares with it).
    public var newestLocalModified: String?

    /// Decodes a page of the listing.
    /// - Throws: `WordPressRESTError` for a body that is not a list.
    public init(_ data: Data) throws {
        let objects = try WordPressRESTObject.list(from: data)
        count = objects.count
        posts = objects.compactMap(WordPressRESTPosts.post)
        newestLocalModified = objects.compactMap { $0.string("modified") }.max()
    }
}
