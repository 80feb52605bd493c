import BlogModel
import BlogStore
import ReaderCore

extension EffectRunner {
    /// Removes blogs and marks posts read in bulk (or unread again, for an undo), answering
    /// each effect with the counts the reader shows.
    func performLibrary(_ effect: LibraryEffect) throws -> [Action] {
        if let busy = settleQueuedWrites() { return [busy] }
        switch effect {
        case .countUnread(let scope):
            return [.library(.unreadCounted(scope, try store.unreadCount(BlogStore.PostFilter(scope.filter))))]
        case .markRead(let scope, let list):
            let changed = try store.markRead(BlogStore.PostFilter(scope.filter))
            return [.library(.markedRead(scope, postIDs: changed, list: list, listUnread: try unread(in: list)))]
        case .markUnread(let postIDs, let list):
            try store.markUnread(postIDs)
            return [.library(.unreadRestored(postIDs: postIDs, list: list, listUnread: try unread(in: list)))]
        case .previewRemoval(let blogID):
            guard let removal = try store.blogRemoval(id: blogID) else { return [gone(blogID)] }
            return [.library(.removalPreviewed(BlogRemovalPreview(
                blogID: blogID, title: removal.blog.title, postCount: removal.postCount,
                commentCount: removal.commentCount, draftCount: removal.draftCount)))]
        case .removeBlog(let blogID):
            guard let removal = try store.removeBlog(id: blogID) else { return [gone(blogID)] }
            let message = [removal.removedLine, removal.keptLine].compactMap { $0 }.joined(separator: "; ")
            return [.library(.blogRemoved(blogID: blogID, message: TerminalSafeText.sanitize(message)))]
        }
    }

    /// Lets the read marks still queued (`writes`) reach the cache first, so that a bulk
    /// change counts, changes and later restores the read state the user sees; nil when they
    /// are written, else the message to show instead (another process holds the write lock).
    private func settleQueuedWrites() -> Action? {
        // Asking the queue to hurry only when it holds something leaves its pace alone otherwise.
        guard !writes.pendingWrites.isEmpty, !writes.waitUntilWritten(timeout: 1) else { return nil }
        return .message(
            "Another Lectern is writing to the cache and read marks wait for it; try again when it is done",
            isError: true)
    }

    private func unread(in list: ReaderCore.PostFilter) throws -> Int {
        try store.unreadCount(BlogStore.PostFilter(list))
    }

    private func gone(_ blogID: Int64) -> Action {
        .message("blog \(blogID) is no longer in the library", isError: true)
    }
}

extension BlogStore.PostFilter {
    /// The cache's filter for the reader's list filter.
    init(_ filter: ReaderCore.PostFilter) {
        switch filter {
        case .all: self.init()
        case .blog(let id): self.init(blogID: id)
        case .category(let name): self.init(category: name)
        case .tag(let name): self.init(tag: name)
        case .author(let name): self.init(author: name)
        }
    }
}
