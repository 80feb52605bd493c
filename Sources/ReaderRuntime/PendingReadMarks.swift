import BlogStore

/// The read state the user gave posts whose marks still wait for the write lock: what the
/// reader shows, and counts, in place of the cache's older state.
struct PendingReadMarks: Sendable {
    /// Post → unread, as the user last set it.
    private(set) var unreadByPost: [Int64: Bool] = [:]
    /// Posts the user left, whose comments are no longer new.
    private(set) var visited: Set<Int64> = []
    /// Post → watched, as the user last set it.
    private(set) var watchedByPost: [Int64: Bool] = [:]

    init(_ writes: [ReaderWrite]) {
        for write in writes {
            switch write {
            case .read(let postID, let read, _): unreadByPost[postID] = !read
            case .visited(let postID, _, _): visited.insert(postID)
            case .watched(let postID, let watched): watchedByPost[postID] = watched
            case .starred, .position: break
            }
        }
    }

    var isEmpty: Bool { unreadByPost.isEmpty && visited.isEmpty && watchedByPost.isEmpty }

    /// `count`, the cache's number of unread posts `filter` keeps, as the user sees it:
    /// corrected by the marks on posts the filter keeps whose state the cache does not have yet.
    func correcting(unreadCount count: Int, filter: PostFilter, store: LibraryStore) throws -> Int {
        guard !unreadByPost.isEmpty else { return count }
        var corrected = count
        for (id, storedUnread) in try store.unreadStates(of: Array(unreadByPost.keys), filter: filter) {
            guard let unread = unreadByPost[id], unread != storedUnread else { continue }
            corrected = max(0, corrected + (unread ? 1 : -1))
        }
        return corrected
    }
}
