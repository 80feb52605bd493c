import BlogModel
import BlogStore
import Foundation

extension SyncEngine {
    /// `jobs` plus the blog's followed posts that neither they nor the feed's fresh counts
    /// cover (older than the feed's window, or gone from the feed): a followed thread keeps
    /// updating. Each is asked with its stored validators, so an unchanged one costs a 304.
    func addingWatchedJobs(
        _ jobs: [SyncCommentJob], blog: Blog, countedByFeed: Set<Int64>
    ) throws -> [SyncCommentJob] {
        let covered = Set(jobs.map(\.postID)).union(countedByFeed)
        let extra = try store.watchedCommentStates(blogID: blog.id).filter { !covered.contains($0.postID) }
        guard !extra.isEmpty else { return jobs }
        return jobs
            + extra.compactMap { state in
                let remote = state.remotePostID ?? FeedCommentIdentity.wordpressPostID(inGuid: state.sourceID)
                return commentJob(
                    postID: state.postID, ids: [state.sourceID, state.link], remotePostID: remote,
                    feed: state.commentFeedURL, blog: blog, advertised: nil)
            }
    }
}
