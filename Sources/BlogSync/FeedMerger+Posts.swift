import BlogModel
import BlogStore

extension FeedMerger {
    /// Stores posts read from a complete source (the WordPress REST API) into an existing blog,
    /// in one transaction. `searchTexts` holds each post's plain text, made while parsing.
    /// Posts in `newThisSync` (just stored from the feed) count as new, not updated.
    public func mergePosts(
        _ posts: [Post], searchTexts: [String], blogID: Int64, newThisSync: Set<Int64> = [],
        deferSearchIndex: Bool = false
    ) throws -> FeedMergeResult {
        var counts = FeedMergeCounts()
        var postIDs: [String: Int64] = [:]
        var newPostIDs: Set<Int64> = []
        try store.writeSession(deferSearchIndex: deferSearchIndex) { session in
            for (post, text) in zip(posts, searchTexts) where postIDs[post.sourceID] == nil {
                var post = post
                post.blogID = blogID
                let outcome = try session.upsertPost(post, listed: true, searchText: text, source: .complete)
                counts.countPost(newThisSync.contains(outcome.id) ? .unchanged(outcome.id) : outcome)
                postIDs[post.sourceID] = outcome.id
                if case .inserted(let id) = outcome { newPostIDs.insert(id) }
            }
        }
        return FeedMergeResult(blogID: blogID, postIDs: postIDs, newPostIDs: newPostIDs, counts: counts)
    }
}
