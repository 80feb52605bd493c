import BlogModel

extension AppState {
    /// `C`: opens the conversations overlay and asks the cache for its rows.
    mutating func openConversations() -> [Effect] {
        mode = .conversations(ConversationListState(isLoading: true))
        return [.loadConversations]
    }

    /// Takes the cache's followed threads: the count of replies for the status line, and the
    /// overlay's rows when it is open (the selection kept on the same thread when it still is).
    mutating func applyConversations(_ rows: [Conversation]) {
        newRepliesToYou = rows.reduce(0) { $0 + $1.repliesToYou }
        guard case .conversations(var list) = mode else { return }
        let previous = list.selectedConversation?.postID
        list.rows = rows
        list.isLoading = false
        list.selected = previous.flatMap { id in rows.firstIndex { $0.postID == id } } ?? 0
        list.scroll = scrolled(min(list.scroll, max(0, rows.count - 1)), toShow: list.selected)
        mode = .conversations(list)
    }

    /// The thread being left is seen: its new replies to the user no longer count on the
    /// status line (until the next `.conversationsLoaded` counts afresh).
    mutating func countRepliesSeen() {
        guard newRepliesToYou > 0 else { return }
        let seen = thread.thread.comments.reduce(0) { count, comment in
            let isNewReply = comment.isNew && comment.marks.contains(.replyToMe) && !comment.marks.contains(.muted)
            return count + (isNewReply ? 1 : 0)
        }
        newRepliesToYou = max(0, newRepliesToYou - seen)
    }

    /// Keys in the conversations overlay: move, open a thread, mark one seen, close.
    mutating func runInConversations(_ command: Command, _ state: ConversationListState) -> [Effect] {
        var list = state
        switch command {
        case .quit, .cancel, .conversations: mode = .normal
        case .open:
            guard let conversation = list.selectedConversation else { return [] }
            mode = .normal
            return openConversation(conversation)
        case .markThreadSeen:
            guard let conversation = list.selectedConversation else { return [] }
            list.rows.remove(at: list.selected)
            list.selected = max(0, min(list.selected, list.rows.count - 1))
            list.scroll = scrolled(min(list.scroll, list.selected), toShow: list.selected)
            mode = .conversations(list)
            newRepliesToYou = max(0, newRepliesToYou - conversation.repliesToYou)
            status = StatusMessage("Marked the comments of \"\(conversation.title)\" seen")
            return [.markCommentsSeen(postID: conversation.postID)]
        default:
            guard let moved = listMove(command, from: list.selected, count: list.rows.count) else { return [] }
            list.selected = moved
            list.scroll = scrolled(list.scroll, toShow: moved)
            mode = .conversations(list)
        }
        return []
    }

    /// Opens a conversation's post with the thread focused on its first new reply to the
    /// user, else its first new comment; selects the post in the list when it is loaded.
    private mutating func openConversation(_ conversation: Conversation) -> [Effect] {
        selectPostIfLoaded(conversation.postID)
        focus = .thread
        let effects = openPost(conversation.postID)
        thread.pendingFocus = .firstNewReplyToMe
        return effects
    }
}
