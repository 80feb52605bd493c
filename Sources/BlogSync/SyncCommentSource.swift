import BlogFormats
import BlogModel
import Foundation

/// Where one post's comments are fetched from, richest first.
enum SyncCommentSource: Equatable, Sendable {
    /// `/wp-json/wp/v2/comments?post=ID`, with `parent`.
    case rest(root: URL, remotePostID: Int)
    /// A per-post comment feed: Atom (`thr:in-reply-to`) or RSS2 (flat).
    case feed(URL)

    /// The first URL the source fetches: the feed, or the REST API's first page, newest first
    /// (so that page 1 changes, and is not a 304, whenever a comment arrives).
    var firstURL: URL {
        switch self {
        case .feed(let url): return url
        case .rest(let root, let remotePostID): return Self.restPage(root: root, remotePostID: remotePostID, number: 1)
        }
    }

    static func restPage(root: URL, remotePostID: Int, number: Int) -> URL {
        let url = WordPressRESTEndpoint(root: root).comments(postID: remotePostID, page: number)
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url }
        components.queryItems = components.queryItems?.map {
            $0.name == "order" ? URLQueryItem(name: "order", value: "desc") : $0
        }
        return components.url ?? url
    }
}

/// One post whose comments a sync fetches.
struct SyncCommentJob: Sendable {
    var postID: Int64
    /// The ids the post goes by in comment feeds: guid, Atom id, link.
    var postIDs: Set<String>
    var sources: [SyncCommentSource]
    /// The comment count the post's feed advertised when the job was made.
    var advertisedCount: Int? = nil
}

/// What fetching one post's comments came to.
struct SyncCommentFetch: Sendable {
    var postID: Int64
    /// nil when every source answered 304 (nothing new).
    var comments: [FeedComment]?
    /// URLs that answered 200, with the validators to save once the merge committed.
    var validators: [(String, HTTPValidators)]
    var fetches = 0
    var notModified = 0
    var bytes = 0
    var failure: String?
    /// True when the REST API failed and the feed was used instead.
    var restFailed = false
    /// The advertised count the job was made at, recorded once the read is stored.
    var advertisedCount: Int?
}
