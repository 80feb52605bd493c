import BlogModel

extension AppState {
    /// Most posts kept in memory; beyond this the far end of the window is dropped.
    var maxWindowSize: Int { windowLimit * 3 }

    /// Rows from the window's edge at which the next window is requested.
    var prefetchMargin: Int { max(windowLimit / 4, visibleRows(of: .posts)) }

    /// Starts over with `filter`: an empty list and a request for its newest posts.
    mutating func reloadPosts(filter: PostFilterDescription) -> [Effect] {
        // Undo of a mark-read lasts as long as the list it was made in.
        readUndo = []
        posts = PostListState()
        posts.filter = filter
        posts.isLoading = true
        return [.loadPosts(windowRequest(.newest))]
    }

    /// Moves the list selection to absolute `index`, within what is loaded, and opens that post.
    mutating func selectPost(at index: Int) -> [Effect] {
        guard !posts.window.isEmpty else { return [] }
        let target = max(posts.windowStart, min(index, posts.windowEnd - 1))
        guard target != posts.selected || posts.selectedPost == nil else { return [] }
        posts.selected = target
        keepPostSelectionVisible()
        var effects = prefetchIfNeeded()
        if let post = posts.selectedPost { effects += openPost(post.id) }
        return effects
    }

    /// `g`/`G` in the list: the first or last post, loading that end of the list when needed.
    mutating func selectPostListEnd(bottom: Bool) -> [Effect] {
        if bottom {
            if posts.windowEnd >= posts.total { return selectPost(at: posts.total - 1) }
            posts.isLoadingOlder = true
            return [.loadPosts(windowRequest(.oldest))]
        }
        if posts.windowStart == 0 { return selectPost(at: 0) }
        posts.isLoadingNewer = true
        return [.loadPosts(windowRequest(.newest))]
    }

    /// Asks for the article and thread of `postID`; the post left behind loses its "new" marks
    /// and keeps where the user left it.
    mutating func openPost(_ postID: Int64) -> [Effect] {
        var effects: [Effect] = []
        if let position = currentThreadPosition(), position.postID != postID {
            effects.append(.saveThreadPosition(position))
        }
        if let previous = thread.postID, previous != postID, !thread.isEmpty {
            effects.append(.markCommentsSeen(postID: previous))
            countRepliesSeen()
        }
        article.loadingPostID = postID
        article.pendingScroll = nil
        thread.loadingPostID = postID
        thread.pendingPosition = nil
        thread.pendingFocus = nil
        effects.append(.loadPost(postID: postID))
        return effects
    }

    /// Requests the neighbouring window when the selection nears an edge of the loaded one.
    mutating func prefetchIfNeeded() -> [Effect] {
        var effects: [Effect] = []
        let margin = prefetchMargin
        if posts.selected >= posts.windowEnd - margin, posts.windowEnd < posts.total,
            !posts.isLoadingOlder, let last = posts.window.last
        {
            posts.isLoadingOlder = true
            effects.append(.loadPosts(windowRequest(.after(postID: last.id))))
        }
        if posts.selected < posts.windowStart + margin, posts.windowStart > 0,
            !posts.isLoadingNewer, let first = posts.window.first
        {
            posts.isLoadingNewer = true
            effects.append(.loadPosts(windowRequest(.before(postID: first.id))))
        }
        return effects
    }

    /// Scrolls the list just enough to show the selection.
    mutating func keepPostSelectionVisible() {
        let rows = visibleRows(of: .posts)
        if posts.selected < posts.scrollTop { posts.scrollTop = posts.selected }
        if posts.selected >= posts.scrollTop + rows { posts.scrollTop = posts.selected - rows + 1 }
        posts.scrollTop = max(0, min(posts.scrollTop, max(0, posts.total - rows)))
    }

    /// Selects `postID` in the list, scrolled into view, when the loaded window holds it (a post
    /// opened from elsewhere: a search hit, a conversation).
    mutating func selectPostIfLoaded(_ postID: Int64) {
        guard let index = posts.index(ofPostID: postID) else { return }
        posts.selected = index
        keepPostSelectionVisible()
    }

    /// `n`/`N`: the next unread post in the loaded window, loading further windows if needed.
    mutating func seekUnread(forward: Bool) -> [Effect] {
        posts.unreadSeekForward = nil
        guard posts.unreadTotal > 0 else {
            status = StatusMessage("No unread posts")
            return []
        }
        focus = .posts
        return continueUnreadSeek(forward: forward, from: posts.selected)
    }

    private mutating func continueUnreadSeek(forward: Bool, from index: Int) -> [Effect] {
        let local = index - posts.windowStart
        let found: Int?
        if forward {
            found = posts.window.indices.first { $0 > local && posts.window[$0].unread }
        } else {
            found = posts.window.indices.last { $0 < local && posts.window[$0].unread }
        }
        if let found { return selectPost(at: found + posts.windowStart) }
        if forward, posts.windowEnd < posts.total, let last = posts.window.last {
            posts.unreadSeekForward = true
            posts.isLoadingOlder = true
            return [.loadPosts(windowRequest(.after(postID: last.id)))]
        }
        if !forward, posts.windowStart > 0, let first = posts.window.first {
            posts.unreadSeekForward = false
            posts.isLoadingNewer = true
            return [.loadPosts(windowRequest(.before(postID: first.id)))]
        }
        status = StatusMessage(forward ? "No unread posts below" : "No unread posts above")
        return []
    }

    /// `m`: flips the selected post between read and unread.
    mutating func toggleSelectedRead() -> [Effect] {
        let local = posts.selected - posts.windowStart
        guard posts.window.indices.contains(local) else { return [] }
        posts.window[local].unread.toggle()
        let unread = posts.window[local].unread
        posts.unreadTotal = max(0, posts.unreadTotal + (unread ? 1 : -1))
        status = StatusMessage(unread ? "Marked unread" : "Marked read")
        return [.setPostRead(postID: posts.window[local].id, read: !unread)]
    }

    /// Merges a loaded window; answers that no longer fit the list (another filter) are dropped.
    mutating func applyPostPage(_ page: PostPage, for request: PostWindowRequest) -> [Effect] {
        guard request.filter == posts.filter.filter else { return [] }
        let previousID = posts.selectedPost?.id
        posts.total = page.total
        posts.unreadTotal = page.unreadTotal
        switch request.anchor {
        case .newest:
            posts.isLoading = false
            posts.isLoadingNewer = false
            posts.window = page.posts
            posts.windowStart = 0
            posts.selected = previousID.flatMap(posts.index(ofPostID:)) ?? 0
        case .oldest:
            posts.isLoadingOlder = false
            posts.window = page.posts
            posts.windowStart = max(0, page.total - page.posts.count)
            posts.selected = posts.windowEnd - 1
        case .after(let postID):
            posts.isLoadingOlder = false
            guard let anchor = posts.index(ofPostID: postID) else { return [] }
            posts.window = Array(posts.window[..<(anchor - posts.windowStart + 1)]) + page.posts
            let excess = posts.window.count - maxWindowSize
            if excess > 0 {
                posts.window.removeFirst(excess)
                posts.windowStart += excess
            }
        case .before(let postID):
            posts.isLoadingNewer = false
            guard let anchor = posts.index(ofPostID: postID) else { return [] }
            let kept = posts.window[(anchor - posts.windowStart)...]
            posts.windowStart = max(0, anchor - page.posts.count)
            posts.window = page.posts + kept
            if posts.window.count > maxWindowSize { posts.window.removeLast(posts.window.count - maxWindowSize) }
        }
        posts.total = max(posts.total, posts.windowEnd)
        // A watch set this session wins over a page read before the cache had it.
        if !watchedPosts.isEmpty {
            for index in posts.window.indices {
                if let watched = watchedPosts[posts.window[index].id] { posts.window[index].watched = watched }
            }
        }
        posts.selected = max(posts.windowStart, min(posts.selected, posts.windowEnd - 1))
        keepPostSelectionVisible()
        return afterWindowChange(previousID: previousID)
    }

    private mutating func afterWindowChange(previousID: Int64?) -> [Effect] {
        if posts.window.isEmpty {
            article = ArticleState()
            thread = ThreadState()
            return []
        }
        if let forward = posts.unreadSeekForward {
            posts.unreadSeekForward = nil
            return continueUnreadSeek(forward: forward, from: posts.selected)
        }
        guard let selected = posts.selectedPost, selected.id != previousID || article.post == nil,
            article.loadingPostID != selected.id
        else { return [] }
        return openPost(selected.id)
    }

    /// Shows a loaded article if it is still wanted, and marks its post read.
    mutating func applyPost(_ post: Post, text: RichText) -> [Effect] {
        guard post.id == article.loadingPostID || post.id == article.post?.id else { return [] }
        if article.post?.id != post.id { article.scroll = 0 }
        article.post = post
        article.text = text
        if article.loadingPostID == post.id { article.loadingPostID = nil }
        if let index = posts.index(ofPostID: post.id) {
            guard posts.window[index - posts.windowStart].unread else { return [] }
            posts.window[index - posts.windowStart].unread = false
            posts.unreadTotal = max(0, posts.unreadTotal - 1)
        }
        return [.setPostRead(postID: post.id, read: true)]
    }
}
