import BlogModel

extension AppState {
    /// `c` (the post) and `r` (the selected comment): opens the editor.
    ///
    /// On a post whose comments the blog closed, the first press only says so, naming the
    /// key to press again: the site would refuse the comment, and the user should learn that
    /// before writing it, not when sending it. The same press right after writes anyway.
    mutating func compose(_ command: Command) -> [Effect] {
        let target: ComposeTarget
        if command == .reply {
            guard let postID = thread.postID, let comment = thread.selectedComment else {
                status = StatusMessage("No comment selected to reply to")
                return []
            }
            target = ComposeTarget(command: command, postID: postID, parentCommentID: comment.id)
        } else {
            guard let postID = currentPostID else {
                status = StatusMessage("No post selected")
                return []
            }
            target = ComposeTarget(command: command, postID: postID, parentCommentID: nil)
        }
        if commentsClosed(onPost: target.postID), closedCommentsWarning != target {
            closedCommentsWarning = target
            status = StatusMessage(
                "Comments are closed on this post: the site will refuse it. Press \(keyLabel(command)) again to write anyway.",
                isError: true)
            return []
        }
        closedCommentsWarning = nil
        return [.compose(postID: target.postID, parentCommentID: target.parentCommentID)]
    }

    /// True when the loaded article is `postID` and its blog closed comments on it.
    ///
    /// `c` and `r` act on the thread's post, which is the article's (both load together); a
    /// post not loaded counts as open, and `drafts send` checks again before sending.
    func commentsClosed(onPost postID: Int64) -> Bool {
        guard let post = article.post, post.id == postID else { return false }
        return !post.commentsOpen
    }

    /// How a message names the key for `command` (see `KeyMap.label(for:)`).
    func keyLabel(_ command: Command) -> String { keyMap.label(for: command) }
}
