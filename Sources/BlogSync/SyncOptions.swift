import BlogModel
import Foundation

/// How hard a sync may pull on the network: concurrency, limits and timeouts.
public struct SyncOptions: Equatable, Sendable {
    /// Blogs synced at the same time.
    public var blogConcurrency: Int
    /// Blogs on one host synced at the same time.
    public var perHostConcurrency: Int
    /// Comment feeds or REST pages of one blog fetched at the same time.
    public var commentConcurrency: Int
    /// Largest body accepted for one response, 200 MiB by default; a feed past
    /// `FetchRequest.bodyFileThreshold` waits in a temporary file, so memory does not grow with it.
    public var maxBytes: Int
    public var connectTimeout: TimeInterval
    public var totalTimeout: TimeInterval
    /// Longest `Retry-After` the sync waits out (once) before reporting the blog as failed.
    public var retryCap: TimeInterval
    /// When false, comments are not fetched (posts only).
    public var fetchComments: Bool
    /// Comment sources are checked for at most this many posts per blog, newest first.
    public var commentWindow: Int
    /// How much of the search index the sync builds before it returns.
    public var searchIndex: SyncSearchIndexing
    /// The user, when known: after a sync, the threads they commented on (from anywhere, under
    /// their name) are followed.
    public var identity: CommenterIdentity?

    public init(
        blogConcurrency: Int = 6, perHostConcurrency: Int = 2, commentConcurrency: Int = 4,
        maxBytes: Int = FetchRequest.defaultMaxBytes, connectTimeout: TimeInterval = 10,
        totalTimeout: TimeInterval = 30, retryCap: TimeInterval = 5, fetchComments: Bool = true,
        commentWindow: Int = 200, searchIndex: SyncSearchIndexing = .complete,
        identity: CommenterIdentity? = nil
    ) {
        self.blogConcurrency = blogConcurrency
        self.perHostConcurrency = perHostConcurrency
        self.commentConcurrency = commentConcurrency
        self.maxBytes = maxBytes
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.retryCap = retryCap
        self.fetchComments = fetchComments
        self.commentWindow = commentWindow
        self.searchIndex = searchIndex
        self.identity = identity
    }
}
