import BlogModel

/// Applies `action` to `state` and returns the work to do outside; the only writer of `AppState`.
///
/// Pure: no I/O, no clock. Every key costs at most a scan of the loaded post window or of
/// the thread's rows, and a layout of the comments the thread pane shows; folding rebuilds
/// the visible-row cache once. An article is laid out when it or the pane's width changes.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    // What the panes show follows from the state alone: after every action the thread's top
    // and line offset are where its pane draws from, so the next key starts from the screen,
    // and a shown article is laid out (once per post, text and width).
    defer {
        state.settleThreadViewport()
        if state.layout.frame(of: .article) != nil { state.layOutArticle() }
    }
    switch action {
    case .start:
        return state.reloadPosts(filter: state.posts.filter) + [.loadConversations]
    case .input(.key(let key)):
        return state.handleKey(key)
    case .input(.resize(let columns, let rows)):
        state.size = ScreenSize(columns: columns, rows: rows)
        state.keepPostSelectionVisible()
        state.keepThreadSelectionVisible()
        return []
    case .input(.mouse(let event)):
        state.closedCommentsWarning = nil
        return state.handleMouse(event)
    case .command(let command):
        return state.run(command)
    case .postsLoaded(let request, let page):
        return state.applyPostPage(page, for: request)
    case .postLoaded(let post, let text):
        return state.applyPost(post, text: text)
    case .positionLoaded(let position):
        state.keepPendingPosition(position)
        return []
    case .conversationsLoaded(let rows):
        state.applyConversations(rows)
        return []
    case .threadLoaded(let postID, let comments, let texts):
        state.applyThread(postID: postID, comments: comments, texts: texts)
        return []
    case .searchResults(let query, let rows):
        guard case .search(var search) = state.mode, search.query == query else { return [] }
        search.results = rows
        search.isLoading = false
        search.selected = 0
        search.scroll = 0
        state.mode = .search(search)
        if rows.isEmpty { state.status = StatusMessage("No matches for \"\(query)\"") }
        return []
    case .facetsLoaded(let kind, let facets):
        guard case .filterPicker(var picker) = state.mode, picker.kind == kind else { return [] }
        picker.facets = facets
        picker.isLoading = false
        picker.selected = 0
        picker.scroll = 0
        state.mode = .filterPicker(picker)
        return []
    case .draftsLoaded(let drafts):
        state.applyDrafts(drafts)
        return []
    case .identityNeeded(let postID, let parentCommentID):
        state.mode = .identityForm(IdentityForm(postID: postID, parentCommentID: parentCommentID))
        return []
    case .draftEmptied(let draft):
        state.mode = .confirm(
            ConfirmRequest(
                question: draft.question, effects: [.settleEmptyDraft(draft, discard: true)],
                noEffects: [.settleEmptyDraft(draft, discard: false)]))
        return []
    case .draftsRecovered(let ids):
        let list = ids.map(String.init).joined(separator: ", ")
        state.status = StatusMessage(
            "recovered \(ids.count) unsaved draft\(ids.count == 1 ? "" : "s") (\(list)): \(state.keyLabel(.drafts)) lists them"
        )
        return []
    case .draftSaved(let draft):
        if draft.postID == state.thread.postID {
            state.thread.drafts.removeAll { $0.id == draft.id }
            state.thread.drafts.append(draft)
        }
        state.status = StatusMessage("Draft saved; \(state.keyLabel(.drafts)) lists drafts")
        return []
    case .selectThreadRow(let row):
        guard state.mode == .normal, state.thread.thread.rows.indices.contains(row) else { return [] }
        state.focus = .thread
        state.selectThreadRow(row, showingHeader: false)
        return []
    case .syncProgress(let text):
        state.isSyncing = true
        state.syncProgress = text
        return []
    case .syncFinished(let message, let isError):
        state.isSyncing = false
        state.syncProgress = nil
        state.status = StatusMessage(message, isError: isError)
        // New posts may have arrived at the top: reload the top window, keeping the selected
        // post; a reader deep in the list is left where they are. New replies may have come.
        guard state.posts.windowStart == 0, !state.posts.window.isEmpty else { return [.loadConversations] }
        return [.loadPosts(state.windowRequest(.newest)), .loadConversations]
    case .writesWaiting(let waiting):
        state.isWaitingForWriter = waiting
        if waiting {
            state.status = .waitingForWriter
        } else if state.status == .waitingForWriter {
            state.status = nil
        }
        return []
    case .message(let text, let isError):
        state.status = StatusMessage(text, isError: isError)
        return []
    case .library(let answer):
        return state.applyLibraryAnswer(answer)
    }
}

extension AppState {
    /// Looks the key up in the current scope; text prompts take printable characters first.
    mutating func handleKey(_ key: Key) -> [Effect] {
        // A key clears the last message, but not the news that writes are waiting.
        status = isWaitingForWriter ? .waitingForWriter : nil
        let scope = keyScope
        let command = keyMap.command(for: key, in: scope)
        if mode.takesText, case .character(let character) = key,
            command == nil || !(command == .open || command == .cancel || command == .deleteBackward)
        {
            typeText(character)
            return []
        }
        guard let command else {
            closedCommentsWarning = nil
            return []
        }
        return run(command)
    }

    /// Runs `command` against the overlay, if any, else against the focused pane.
    mutating func run(_ command: Command) -> [Effect] {
        // Only the same `c`/`r` press again may follow a closed-comments warning.
        if command != .comment, command != .reply { closedCommentsWarning = nil }
        if command == .redraw { return [.redraw] }
        switch mode {
        case .normal: return runInPanes(command)
        case .help(let scroll): return runInHelp(command, scroll: scroll)
        case .search(let search): return runInSearch(command, search)
        case .filterPicker(let picker): return runInFilterPicker(command, picker)
        case .linkPrompt(let digits): return runInLinkPrompt(command, digits: digits)
        case .confirm(let request): return runInConfirm(command, request)
        case .draftList(let list): return runInDraftList(command, list)
        case .conversations(let list): return runInConversations(command, list)
        case .identityForm(let form): return runInIdentityForm(command, form)
        }
    }

    /// The request for a window of the current filter at `anchor`.
    func windowRequest(_ anchor: PostWindowRequest.Anchor) -> PostWindowRequest {
        PostWindowRequest(filter: posts.filter.filter, anchor: anchor, limit: windowLimit)
    }
}
