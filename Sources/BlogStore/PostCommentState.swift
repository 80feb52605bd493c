/// What a sync needs to decide whether to fetch one cached post's comments again.
public struct PostCommentState: Equatable, Sendable {
    public var postID: Int64
    public var sourceID: String
    public var link: String
    /// WordPress's numeric post id, for the REST API.
    public var remotePostID: Int?
    public var commentFeedURL: String?
    /// The comment count the feed advertised last time (`slash:comments`, `thr:total`).
    public var advertisedCommentCount: Int?
    /// Approved comments in the cache.
    public var cachedCommentCount: Int
    /// The advertised count when the comments were last read in full (nil: never).
    public var commentsReadAtCount: Int?

    public init(
        postID: Int64, sourceID: String, link: String = "", remotePostID: Int? = nil,
        commentFeedURL: String? = nil, advertisedCommentCount: Int? = nil, cachedCommentCount: Int = 0,
        commentsReadAtCount: Int? = nil
    ) {
        self.postID = postID
        self.sourceID = sourceID
        self.link = link
        self.remotePostID = remotePostID
        self.commentFeedURL = commentFeedURL
        self.advertisedCommentCount = advertisedCommentCount
        self.cachedCommentCount = cachedCommentCount
        self.commentsReadAtCount = commentsReadAtCount
    }
}
