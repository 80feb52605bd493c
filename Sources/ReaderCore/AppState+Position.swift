import BlogModel

extension AppState {
    /// Where the user is in the post shown: the selected comment, the folds and the article's
    /// scroll (with the width it counts at). Kept when they leave the post, and at quit.
    ///
    /// nil when no post is shown, or when the user is where a post opens anyway (the top of
    /// the article and of the thread, nothing folded) and no earlier position is kept: moving
    /// along the list then writes nothing.
    public func currentThreadPosition() -> ThreadPosition? {
        guard let position = shownPosition() else { return nil }
        let firstComment = thread.isEmpty ? nil : thread.thread.comment(at: 0).sourceID
        let movedAway =
            position.articleTopLine > 0 || !position.collapsed.isEmpty
            || (position.selectedComment != nil && position.selectedComment != firstComment)
        return movedAway || keptPositionPostID == position.postID ? position : nil
    }

    /// The position of the post shown, wherever it is.
    private func shownPosition() -> ThreadPosition? {
        guard let postID = thread.postID ?? article.post?.id else { return nil }
        let threadIsThisPost = thread.postID == postID
        let articleIsThisPost = article.post?.id == postID
        let laidOutWidth = article.laidOut.flatMap { $0.post.id == postID ? $0.width : nil }
        return ThreadPosition(
            postID: postID,
            selectedComment: threadIsThisPost ? thread.selectedComment?.sourceID : nil,
            collapsed: threadIsThisPost ? thread.collapsed.sorted() : [],
            articleTopLine: articleIsThisPost ? article.scroll : 0,
            articleWidth: articleIsThisPost ? laidOutWidth ?? 0 : 0)
    }

    /// A kept position for the post being loaded: its article scroll waits for the layout,
    /// its folds and selection for the thread. The post already shown keeps where it is.
    mutating func keepPendingPosition(_ position: ThreadPosition) {
        let postID = position.postID
        guard postID == thread.loadingPostID || postID == article.loadingPostID else { return }
        keptPositionPostID = postID
        if postID == thread.loadingPostID, postID != thread.postID { thread.pendingPosition = position }
        if postID == article.loadingPostID, postID != article.post?.id {
            article.pendingScroll = ArticleState.PendingScroll(
                postID: postID, line: position.articleTopLine, width: position.articleWidth)
        }
    }

    /// Selects a kept position's comment in the thread just loaded (its folds are applied).
    mutating func restoreThreadPosition(_ position: ThreadPosition) {
        guard let sourceID = position.selectedComment,
            let row = thread.thread.rows.indices.first(where: { thread.thread.comment(at: $0).sourceID == sourceID })
        else { return }
        thread.revealRow(row)
        thread.selectedRow = row
        keepThreadSelectionVisible(showingHeader: true)
    }
}
