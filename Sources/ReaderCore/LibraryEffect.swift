/// Changes to what the library holds (subscriptions, read state in bulk) that `reduce` asks
/// for; each is answered with a `LibraryAction` wrapped in `Action.library`.
public enum LibraryEffect: Equatable, Sendable {
    /// Answer with `.unreadCounted(scope, count)`: the question needs the number.
    case countUnread(MarkReadScope)
    /// Mark the scope's unread posts read; answer with `.markedRead`, counting what the list
    /// with filter `list` still has unread.
    case markRead(MarkReadScope, list: ListFilter)
    /// Set `postIDs` unread again (an undo); answer with `.unreadRestored`, as for `markRead`.
    case markUnread(postIDs: [Int64], list: ListFilter)
    /// Answer with `.removalPreviewed(preview)`: the question names what goes.
    case previewRemoval(blogID: Int64)
    /// Unsubscribe from the blog (its drafts stay); answer with `.blogRemoved`.
    case removeBlog(blogID: Int64)
}

/// The answers to `LibraryEffect`s.
public enum LibraryAction: Equatable, Sendable {
    case unreadCounted(MarkReadScope, Int)
    /// `postIDs` went from unread to read; the list in view (`list`) has `listUnread` unread left.
    case markedRead(MarkReadScope, postIDs: [Int64], list: ListFilter, listUnread: Int)
    case unreadRestored(postIDs: [Int64], list: ListFilter, listUnread: Int)
    case removalPreviewed(BlogRemovalPreview)
    /// The blog is gone; `message` says what went and what was kept.
    case blogRemoved(blogID: Int64, message: String)
}
