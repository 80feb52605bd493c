extension AppState {
    /// Routes the cache's answer to a `.library` effect to the flow that asked for it.
    mutating func applyLibraryAnswer(_ answer: LibraryAction) -> [Effect] {
        switch answer {
        case .unreadCounted(let scope, let count):
            askMarkRead(scope, unread: count)
            return []
        case .markedRead(let scope, let postIDs, let list, let listUnread):
            return applyMarkedRead(scope, postIDs: postIDs, list: list, listUnread: listUnread)
        case .unreadRestored(let postIDs, let list, let listUnread):
            return applyUnreadRestored(postIDs: postIDs, list: list, listUnread: listUnread)
        case .removalPreviewed(let preview):
            askRemoveBlog(preview)
            return []
        case .blogRemoved(let blogID, let message):
            return applyBlogRemoved(blogID: blogID, message: message)
        }
    }
}
