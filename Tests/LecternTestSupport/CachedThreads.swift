import BlogStore
import Foundation

/// The reply structure a cache holds, for comparing with what a site or an export has.
public enum CachedThreads {
    /// Every cached thread of `blogID` as `comment id → parent id` ("-" for top level), keyed
    /// by post link.
    public static func parents(in store: LibraryStore, blogID: Int64) throws -> [String: [String: String]] {
        var threads: [String: [String: String]] = [:]
        for summary in try store.postWindow(PostFilter(blogID: blogID), after: nil, limit: 10_000) {
            var thread: [String: String] = [:]
            for comment in try store.comments(postID: summary.id) {
                thread[comment.sourceID] = comment.parentSourceID ?? "-"
            }
            threads[summary.link] = thread
        }
        return threads
    }
}
