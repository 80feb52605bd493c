/// Marking a whole blog (`A`) or the whole list (`C`) read, after asking, and `undo`.
///
/// The cache counts the unread posts first, so the question gives the real number; the
/// cache answers a mark with the ids it changed, which the undo sets unread again.
///
/// The answer may come long after the question (another process held the cache's write
/// lock) while the user kept reading, even in another list: it changes the posts it names
/// wherever the user is, and counts again when the list in view is not the one it counted.
extension AppState {
    /// `A`: the selected post's blog, whatever the list's filter.
    mutating func askMarkBlogRead() -> [Effect] {
        guard let post = posts.selectedPost else {
            status = StatusMessage("No post selected")
            return []
        }
        return [.library(.countUnread(.blog(id: post.blogID, title: post.blogTitle)))]
    }

    /// `C`: the list in view, as filtered.
    mutating func askMarkListRead() -> [Effect] {
        [.library(.countUnread(.list(posts.filter)))]
    }

    /// The count is in: asks, unless there is nothing to mark or another question came first.
    mutating func askMarkRead(_ scope: MarkReadScope, unread: Int) {
        guard mode == .normal else { return }
        guard unread > 0 else {
            status = StatusMessage("No unread posts \(scope.place)")
            return
        }
        mode = .confirm(
            ConfirmRequest(
                question: "Mark \(counted(unread, "unread post")) \(scope.place) as read?",
                effects: [.library(.markRead(scope, list: posts.filter.filter))]))
    }

    /// The posts are read in the cache: the list shows it and `undo` can take it back.
    mutating func applyMarkedRead(_ scope: MarkReadScope, postIDs: [Int64], list: ListFilter, listUnread: Int)
        -> [Effect]
    {
        let label = "\(counted(postIDs.count, "post")) \(scope.place)"
        // Made while another list loaded, the undo would outlive its list: not kept.
        if list == posts.filter.filter, !postIDs.isEmpty { readUndo.append(ReadUndo(postIDs: postIDs, label: label)) }
        status = StatusMessage("Marked \(label) read; \(keyLabel(.undo)) undoes")
        return setUnread(false, postIDs: postIDs, list: list, listUnread: listUnread)
    }

    /// `undo`: the latest mark-read of this list, back to how it was.
    mutating func undoMarkRead() -> [Effect] {
        guard let last = readUndo.popLast() else {
            status = StatusMessage("Nothing to undo in this list")
            return []
        }
        status = StatusMessage("Marked \(last.label) unread again")
        return [.library(.markUnread(postIDs: last.postIDs, list: posts.filter.filter))]
    }

    mutating func applyUnreadRestored(postIDs: [Int64], list: ListFilter, listUnread: Int) -> [Effect] {
        setUnread(true, postIDs: postIDs, list: list, listUnread: listUnread)
    }

    /// Shows the new read state of the loaded posts among `postIDs`, and the cache's unread
    /// count when it is this list's; the list keeps its place.
    ///
    /// Another list in view was read from the cache before the change: its count may be
    /// off. With the selected post in the list's first window, that window loads again
    /// (keeping the selection) to count anew; further down, the next load does.
    private mutating func setUnread(_ unread: Bool, postIDs: [Int64], list: ListFilter, listUnread: Int) -> [Effect] {
        let changed = Set(postIDs)
        for index in posts.window.indices where changed.contains(posts.window[index].id) {
            posts.window[index].unread = unread
        }
        if list == posts.filter.filter {
            posts.unreadTotal = listUnread
            return []
        }
        guard !changed.isEmpty, posts.windowStart == 0, posts.selected < windowLimit, !posts.window.isEmpty,
            !posts.isLoading
        else { return [] }
        return [.loadPosts(windowRequest(.newest))]
    }
}
