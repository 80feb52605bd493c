import BlogModel

extension AppState {
    /// Runs `command` with no overlay open, against the focused pane.
    mutating func runInPanes(_ command: Command) -> [Effect] {
        switch command {
        case .moveDown: return move(by: 1)
        case .moveUp: return move(by: -1)
        case .pageDown: return page(forward: true)
        case .pageUp: return page(forward: false)
        case .top: return moveToEnd(bottom: false)
        case .bottom: return moveToEnd(bottom: true)
        case .nextPane:
            focus = focus.next
            return []
        case .previousPane:
            focus = focus.previous
            return []
        case .open: return openSelection()
        case .nextUnread: return seekUnread(forward: true)
        case .previousUnread: return seekUnread(forward: false)
        case .toggleRead: return toggleSelectedRead()
        case .search:
            mode = .search(SearchState())
            return []
        case .filter:
            mode = .filterPicker(FilterPickerState())
            return []
        case .clearFilter:
            guard posts.filter != .all else { return [] }
            return reloadPosts(filter: .all)
        case .markBlogRead: return askMarkBlogRead()
        case .markListRead: return askMarkListRead()
        case .undo: return undoMarkRead()
        case .openLink:
            mode = .linkPrompt(digits: "")
            return []
        case .parent: return threadParent()
        case .nextSibling: return threadSibling(forward: true)
        case .previousSibling: return threadSibling(forward: false)
        case .toggleCollapse: return threadToggleCollapse()
        case .nextNewComment: return seekNewComment(forward: true)
        case .previousNewComment: return seekNewComment(forward: false)
        case .comment, .reply: return compose(command)
        case .drafts:
            mode = .draftList(DraftListState(isLoading: true))
            return [.loadDrafts]
        case .sync:
            guard !isSyncing else {
                status = StatusMessage("A sync is already running")
                return []
            }
            isSyncing = true
            syncProgress = "Starting sync…"
            return [.startSync]
        case .help:
            mode = .help(scroll: 0)
            return []
        case .quit: return quitOrBack()
        case .redraw: return [.redraw]
        case .cancel, .deleteBackward, .confirmYes, .confirmNo: return []
        case .editDraft, .deleteDraft, .queueDraft, .unqueueDraft, .sendDrafts, .removeBlog: return []
        case .nextReplyToMe: return seekReplyToMe(forward: true)
        case .previousReplyToMe: return seekReplyToMe(forward: false)
        case .nextTopLevel: return threadTopLevel(forward: true)
        case .previousTopLevel: return threadTopLevel(forward: false)
        case .openCommentLink: return openCommentLink()
        case .muteAuthor: return askMuteAuthor()
        case .muteSubthread: return askMuteSubthread()
        case .toggleMuted: return toggleShowMuted()
        case .toggleWatch: return toggleWatch()
        case .conversations: return openConversations()
        case .markThreadSeen: return []
        }
    }

    /// The post whose thread is shown, else the article's, else the selected one.
    var currentPostID: Int64? { thread.postID ?? article.post?.id ?? posts.selectedPost?.id }

    private mutating func move(by delta: Int) -> [Effect] {
        switch focus {
        case .posts: return selectPost(at: posts.selected + delta)
        case .article:
            scrollArticle(to: article.scroll + delta)
            return []
        case .thread:
            stepThread(forward: delta > 0)
            return []
        }
    }

    private mutating func page(forward: Bool) -> [Effect] {
        guard focus == .thread else {
            return move(by: forward ? visibleRows(of: focus) : -visibleRows(of: focus))
        }
        pageThread(forward: forward)
        return []
    }

    private mutating func moveToEnd(bottom: Bool) -> [Effect] {
        switch focus {
        case .posts: return selectPostListEnd(bottom: bottom)
        case .article:
            scrollArticle(to: bottom ? Int.max : 0)
            return []
        case .thread:
            moveThreadSelection(toVisibleIndex: bottom ? thread.visibleRows.count - 1 : 0)
            return []
        }
    }

    private mutating func openSelection() -> [Effect] {
        switch focus {
        case .posts:
            guard let post = posts.selectedPost else { return [] }
            focus = .article
            if article.post?.id == post.id || article.loadingPostID == post.id { return [] }
            return openPost(post.id)
        case .article:
            focus = .thread
            return []
        case .thread:
            return threadToggleCollapse()
        }
    }

    /// `q`: in one-pane mode leave the article or thread for the list; otherwise quit.
    private mutating func quitOrBack() -> [Effect] {
        if layoutMode == .single, focus != .posts {
            focus = .posts
            return []
        }
        var effects: [Effect] = []
        if let postID = thread.postID, !thread.isEmpty { effects.append(.markCommentsSeen(postID: postID)) }
        effects.append(.quit)
        if isSyncing {
            mode = .confirm(ConfirmRequest(question: "A sync is running. Quit anyway?", effects: effects))
            return []
        }
        return effects
    }

    /// Scrolls the article, bounded by its length laid out at the pane's width.
    mutating func scrollArticle(to line: Int) {
        layOutArticle()
        let lines = article.laidOut?.lines.count ?? 0
        let limit = max(0, lines - visibleRows(of: .article))
        article.scroll = max(0, min(line, limit))
    }
}
