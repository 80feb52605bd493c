import BlogModel
import Foundation

/// Where one post's comments are fetched from, richest first.
enum SyncCommentSource: Equatable, Sendable {
    /// `/wp-json/wp/v2/comments?post=ID`, with `parent`.
    case rest(root: URL, remotePostID: Int)
    /// A per-post comment feed: Atom (`thr:in-reply-to`) or RSS2 (flat).
    case feed(URL)
}

/// One post whose comments a sync fetches.
struct SyncCommentJob: Sendable {
    var postID: Int64
    /// The ids the post goes by in comment feeds: guid, Atom id, link.
    var postIDs: Set<String>
    var sources: [SyncCommentSource]
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
}
