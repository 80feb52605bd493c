import BlogModel
import BlogStore
import Foundation
import ReaderCore

extension EffectRunner {
    /// Removes blogs and marks posts read in bulk (or unread again, for an undo), answering
    /// each effect with the counts the reader shows.
    ///
    /// Counting is a read and answers at once. The changes are made on `changes` and answer
    /// through the inbox, once another process's write lock lets them: read marks made
    /// before one are written before it, those made after wait behind it, so the change
    /// counts, changes and later restores the read state the user saw when asking.
    func performLibrary(_ effect: LibraryEffect) throws -> [Action] {
        switch effect {
        case .countUnread(let scope):
            return [.library(.unreadCounted(scope, try Self.unread(in: scope.filter, store: store, writes: writes)))]
        case .markRead(let scope, let list):
            let (store, writes) = (self.store, self.writes)
            submitLibraryChange(notDone: "marking the posts \(scope.place) read was not done") { wait in
                let changed = try store.markRead(BlogStore.PostFilter(scope.filter), waitingAtMost: wait)
                let listUnread = try Self.unread(in: list, store: store, writes: writes)
                return [.library(.markedRead(scope, postIDs: changed, list: list, listUnread: listUnread))]
            }
            return []
        case .markUnread(let postIDs, let list):
            let (store, writes) = (self.store, self.writes)
            submitLibraryChange(notDone: "marking \(Self.posts(postIDs.count)) unread again was not done") { wait in
                try store.markUnread(postIDs, waitingAtMost: wait)
                let listUnread = try Self.unread(in: list, store: store, writes: writes)
                return [.library(.unreadRestored(postIDs: postIDs, list: list, listUnread: listUnread))]
            }
            return []
        case .previewRemoval(let blogID):
            guard let removal = try store.blogRemoval(id: blogID) else { return [Self.gone(blogID)] }
            return [
                .library(
                    .removalPreviewed(
                        BlogRemovalPreview(
                            blogID: blogID, title: removal.blog.title, postCount: removal.postCount,
                            commentCount: removal.commentCount, draftCount: removal.draftCount)))
            ]
        case .removeBlog(let blogID):
            let store = self.store
            submitLibraryChange(notDone: "removing the blog (id \(blogID)) was not done") { wait in
                guard let removal = try store.removeBlog(id: blogID, waitingAtMost: wait) else {
                    return [Self.gone(blogID)]
                }
                let message = [removal.removedLine, removal.keptLine].compactMap { $0 }.joined(separator: "; ")
                return [.library(.blogRemoved(blogID: blogID, message: TerminalSafeText.sanitize(message)))]
            }
            return []
        }
    }

    /// Makes `change` on `changes` between the read marks made before and after it: it waits
    /// for the earlier ones to be written (they may be waiting for the lock too), and holds
    /// the later ones back until it is done.
    private func submitLibraryChange(
        notDone: String, _ change: @escaping @Sendable (TimeInterval) throws -> [Action]
    ) {
        let writes = self.writes
        let hold = writes.holdLaterWrites()
        changes.submit(
            BackgroundWrites.Job(
                notDone: notDone + "; do it again when that one is done",
                attempt: { wait in
                    guard writes.waitUntilWritten(before: hold, timeout: wait) else { throw ReaderWriteLockHeld() }
                    return try change(wait)
                },
                cleanUp: { writes.release(hold) }))
    }

    /// The cache's unread count of `list`, with the user's read marks still on their way.
    private static func unread(in list: ListFilter, store: LibraryStore, writes: ReaderWriteQueue) throws -> Int {
        let filter = BlogStore.PostFilter(list)
        return try PendingReadMarks(writes.pendingWrites)
            .correcting(unreadCount: try store.unreadCount(filter), filter: filter, store: store)
    }

    private static func gone(_ blogID: Int64) -> Action {
        .message("blog \(blogID) is no longer in the library", isError: true)
    }

    private static func posts(_ count: Int) -> String { count == 1 ? "1 post" : "\(count) posts" }
}

extension BlogStore.PostFilter {
    /// The cache's filter for the reader's list filter.
    init(_ filter: ListFilter) {
        switch filter {
        case .all: self.init()
        case .blog(let id): self.init(blogID: id)
        case .category(let name): self.init(category: name)
        case .tag(let name): self.init(tag: name)
        case .author(let name): self.init(author: name)
        }
    }
}
