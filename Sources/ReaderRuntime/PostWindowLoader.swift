import BlogModel
import BlogStore
import ReaderCore

/// Reads a window of the post list with its counts, as the user left them: read marks and
/// visits still waiting for the write lock count.
///
/// Holds only thread-safe parts (the cache, the write queue), so windows load on any thread.
struct PostWindowLoader: Sendable {
    /// Where a window starts.
    enum Start: Sendable {
        case newest
        case oldest
        case after(PostCursor)
        case before(PostCursor)
    }

    let store: LibraryStore
    let writes: ReaderWriteQueue

    func load(_ start: Start, filter: BlogStore.PostFilter, limit: Int) throws -> PostPage {
        let loaded: (posts: [PostSummary], total: Int, unread: Int)
        switch start {
        case .newest: loaded = try store.postWindowAndCounts(filter, after: nil, limit: limit)
        case .oldest: loaded = try store.postWindowAndCounts(filter, before: PostCursor.end, limit: limit)
        case .after(let cursor): loaded = try store.postWindowAndCounts(filter, after: cursor, limit: limit)
        case .before(let cursor): loaded = try store.postWindowAndCounts(filter, before: cursor, limit: limit)
        }
        let page = PostPage(posts: loaded.posts, total: loaded.total, unreadTotal: loaded.unread)
        return try applyingPendingWrites(to: page, filter: filter)
    }

    /// `page` with the marks still waiting for the write lock, so a reload during an import
    /// does not show a post read a moment ago as unread.
    private func applyingPendingWrites(to page: PostPage, filter: BlogStore.PostFilter) throws -> PostPage {
        let marks = PendingReadMarks(writes.pendingWrites)
        guard !marks.isEmpty else { return page }
        var page = page
        for index in page.posts.indices {
            let id = page.posts[index].id
            if let unread = marks.unreadByPost[id] { page.posts[index].unread = unread }
            if marks.visited.contains(id) { page.posts[index].newCommentCount = 0 }
            if let watched = marks.watchedByPost[id] { page.posts[index].watched = watched }
        }
        // The count covers posts outside the window too: correct it by what the cache holds.
        page.unreadTotal = try marks.correcting(unreadCount: page.unreadTotal, filter: filter, store: store)
        return page
    }
}
