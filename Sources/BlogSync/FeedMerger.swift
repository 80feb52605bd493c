import BlogFormats
import BlogModel
import BlogStore
import Foundation

/// Writes fetched feeds and comments into the cache without losing anything already there.
///
/// Upserts are idempotent: the same data twice changes nothing; edited posts and comments
/// are updated in place; read state, stars and drafts are never touched; posts that left
/// the feed stay. Comments accumulate across syncs (feeds show only the newest few), and a
/// reply whose parent is not cached yet keeps its parent id, so the thread shows it promoted
/// until a later sync brings the parent and it re-attaches.
public struct FeedMerger: Sendable {
    public let store: LibraryStore

    public init(store: LibraryStore) {
        self.store = store
    }

    /// Stores the blog and the posts of `feed` (and any comments it carries inline), in one
    /// transaction; returns the blog id, the cache id of every post by source id, and the counts.
    /// With `deferSearchIndex` the new text waits for `LibraryStore.updateSearchIndex()`.
    public func mergeFeed(
        _ feed: ParsedFeed, blog: Blog, deferSearchIndex: Bool = false
    ) throws -> FeedMergeResult {
        try mergeFeed(PreparedFeed(feed), blog: blog, deferSearchIndex: deferSearchIndex)
    }

    /// `mergeFeed` for a feed prepared beforehand.
    ///
    /// When the feed carries its comments inline, the posts' own comment feeds are not kept:
    /// the feed already brought the threads, and a sync whose feed answers 304 then has no
    /// per-post feeds to poll.
    ///
    /// A later page of a paged feed (`keepingBlog`) leaves the blog's title and description
    /// alone: WordPress titles it "Page 2 – Site".
    ///
    /// With `countsOnly` (a site whose REST API already stored its posts), a post already in
    /// the cache takes only its comment count and comment feed from the feed: the feed's copy
    /// of the body and excerpt differs from the API's, and writing one over the other at every
    /// sync would report every post as updated.
    public func mergeFeed(
        _ prepared: PreparedFeed, blog: Blog, deferSearchIndex: Bool = false, keepingBlog: Bool = false,
        countsOnly: Bool = false
    ) throws -> FeedMergeResult {
        var counts = FeedMergeCounts()
        var postIDs: [String: Int64] = [:]
        var newPostIDs: Set<Int64> = []
        let feed = prepared.feed
        let inline = prepared.inlineComments
        let known = keepingBlog ? try store.blog(id: blog.id) : nil
        let blogID = try store.writeSession(deferSearchIndex: deferSearchIndex) { session -> Int64 in
            var stored = known ?? blog
            if !keepingBlog, !feed.title.isEmpty { stored.title = feed.title }
            if !keepingBlog, !feed.link.isEmpty { stored.link = feed.link }
            if !keepingBlog, !feed.description.isEmpty { stored.summary = feed.description }
            if !keepingBlog, !feed.language.isEmpty { stored.language = feed.language }
            let blogID = try session.upsertBlog(stored)
            // Posts not stored yet are inserted without the upsert's comparing (a first sync's all).
            let storedPosts = try session.storedPostSourceIDs(blogID: blogID)
            for (index, item) in feed.items.enumerated() where !item.isComment {
                var post = item.post
                post.blogID = blogID
                if !inline.isEmpty { post.commentFeedURL = nil }
                if post.remotePostID == nil {
                    post.remotePostID = FeedCommentIdentity.wordpressPostID(inGuid: post.sourceID)
                }
                guard postIDs[post.sourceID] == nil else { continue }  // a duplicate guid: keep the first
                if countsOnly, let known = try session.updateFeedCounts(post) {
                    postIDs[post.sourceID] = known
                    counts.unchangedPosts += 1
                    continue
                }
                let searchText = prepared.postSearchTexts[index]
                let outcome =
                    storedPosts.contains(post.sourceID)
                    ? try session.upsertPost(post, listed: true, searchText: searchText, source: .feed)
                    : try session.insertNewPost(post, listed: true, searchText: searchText, source: .feed)
                counts.countPost(outcome)
                postIDs[post.sourceID] = outcome.id
                if case .inserted(let id) = outcome { newPostIDs.insert(id) }
            }
            for (postSourceID, comments) in inline {
                guard let postID = postIDs[postSourceID] else { continue }
                try upsert(comments, postID: postID, existingParents: [:], session: session, counts: &counts)
            }
            return blogID
        }
        return FeedMergeResult(blogID: blogID, postIDs: postIDs, newPostIDs: newPostIDs, counts: counts)
    }

    /// Stores comments per cache post id, in one transaction. A comment from a flat source
    /// keeps the parent a richer source stored earlier. `newPosts` are posts this sync has just
    /// created, whose comments need no comparing with stored copies.
    public func mergeComments(
        _ commentsByPost: [Int64: [FeedComment]], newPosts: Set<Int64> = [], deferSearchIndex: Bool = false
    ) throws -> FeedMergeCounts {
        let flat = commentsByPost.filter { postID, comments in
            !newPosts.contains(postID) && comments.contains(where: { !$0.knowsParent })
        }
        let existing = try store.commentParents(postIDs: flat.keys.sorted())
        var counts = FeedMergeCounts()
        try store.writeSession(deferSearchIndex: deferSearchIndex) { session in
            session.treatAsNew(postIDs: newPosts)
            for (postID, comments) in commentsByPost.sorted(by: { $0.key < $1.key }) {
                try upsert(
                    comments, postID: postID, existingParents: existing[postID] ?? [:], session: session,
                    counts: &counts)
            }
        }
        return counts
    }

    private func upsert(
        _ comments: [FeedComment], postID: Int64, existingParents: [String: String],
        session: WriteSession, counts: inout FeedMergeCounts
    ) throws {
        var seen: Set<String> = []
        for item in comments {
            var comment = item.comment
            guard seen.insert(comment.sourceID).inserted else { continue }
            comment.postID = postID
            if !item.knowsParent, comment.parentSourceID == nil {
                comment.parentSourceID = existingParents[comment.sourceID]
            }
            if comment.parentSourceID == comment.sourceID { comment.parentSourceID = nil }
            counts.countComment(try session.upsertComment(comment, searchText: item.searchText))
        }
    }
}

/// What merging a feed's posts came to.
public struct FeedMergeResult: Sendable {
    public var blogID: Int64
    /// The cache id of every post of the feed, by its source id.
    public var postIDs: [String: Int64]
    /// The posts this merge created.
    public var newPostIDs: Set<Int64>
    public var counts: FeedMergeCounts
}
