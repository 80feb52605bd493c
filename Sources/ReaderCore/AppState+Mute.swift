import BlogModel

extension AppState {
    /// `M`: asks to mute the selected comment's author on the post's blog; on a muted comment
    /// (shown with `V`), asks to unmute them.
    mutating func askMuteAuthor() -> [Effect] {
        guard let comment = thread.selectedComment, let postID = thread.postID else { return [] }
        guard let blog = blogOfShownPost() else {
            status = StatusMessage("The post's blog is not known here", isError: true)
            return []
        }
        let name = comment.author
        let shownName = name.isEmpty ? "Anonymous" : name
        let muted = comment.marks.contains(.muted)
        let question =
            muted
            ? "Unmute \(shownName) on \(blog.title)? Their comments show again"
            : "Mute \(shownName) on \(blog.title)? Their comments and the replies under them are hidden"
        mode = .confirm(
            ConfirmRequest(
                question: question,
                effects: [.setMute(.author(blogID: blog.id, name: name), muted: !muted, postID: postID)]))
        return []
    }

    /// `x`: asks to mute the selected comment and the replies under it; on a muted comment,
    /// asks to unmute the muted subthread it sits in (its topmost muted ancestor).
    mutating func askMuteSubthread() -> [Effect] {
        guard let comment = thread.selectedComment, let postID = thread.postID else { return [] }
        let name = comment.author.isEmpty ? "Anonymous" : comment.author
        if comment.marks.contains(.muted) {
            var root = thread.selectedRow
            while let parent = thread.thread.rows[root].parentRow,
                thread.thread.comment(at: parent).marks.contains(.muted)
            {
                root = parent
            }
            let rootComment = thread.thread.comment(at: root)
            let rootName = rootComment.author.isEmpty ? "Anonymous" : rootComment.author
            mode = .confirm(
                ConfirmRequest(
                    question: "Unmute the subthread from \(rootName)'s comment? Its replies show again",
                    effects: [
                        .setMute(
                            .subthread(postID: postID, commentSourceID: rootComment.sourceID), muted: false,
                            postID: postID)
                    ]))
            return []
        }
        let replies = thread.thread.rows[thread.selectedRow].descendantCount
        let question =
            replies == 0
            ? "Mute \(name)'s comment? It is hidden, and any reply to it"
            : "Mute \(name)'s comment and the \(replies) \(replies == 1 ? "reply" : "replies") under it? They are hidden"
        mode = .confirm(
            ConfirmRequest(
                question: question,
                effects: [
                    .setMute(.subthread(postID: postID, commentSourceID: comment.sourceID), muted: true, postID: postID)
                ]
            ))
        return []
    }

    /// `V`: shows the muted comments (dim) or hides them again; the cursor stays on its
    /// comment, or, when that one is hidden, on the nearest shown one above it.
    mutating func toggleShowMuted() -> [Effect] {
        guard thread.mutedCount > 0 else {
            status = StatusMessage("No muted comments in this thread")
            return []
        }
        let before = threadIDsUpToSelection()
        thread.setShowsMuted(!thread.showsMuted, selecting: before.first)
        reselectNearest(before)
        keepThreadSelectionVisible(showingHeader: true)
        let count = thread.mutedCount
        status = StatusMessage(
            thread.showsMuted
                ? "Showing \(count) muted \(count == 1 ? "comment" : "comments"); \(keyLabel(.toggleMuted)) hides them"
                : "Hiding \(count) muted \(count == 1 ? "comment" : "comments")")
        return []
    }

    /// Source ids of the selected comment and of those above it, nearest first: what the
    /// cursor falls back to when a rebuilt thread leaves its comment out.
    func threadIDsUpToSelection() -> [String] {
        guard !thread.isEmpty else { return [] }
        return (0...thread.selectedRow).reversed().map { thread.thread.comment(at: $0).sourceID }
    }

    /// Selects the first of `sourceIDs` the thread still shows, unless the first is selected.
    mutating func reselectNearest(_ sourceIDs: [String]) {
        guard let first = sourceIDs.first, thread.selectedComment?.sourceID != first else { return }
        var rowByID: [String: Int] = [:]
        for row in thread.thread.rows.indices { rowByID[thread.thread.comment(at: row).sourceID] = row }
        guard let row = sourceIDs.lazy.compactMap({ rowByID[$0] }).first else { return }
        thread.revealRow(row)
        thread.selectedRow = row
    }

    /// The id and title of the blog of the post whose thread is shown.
    private func blogOfShownPost() -> (id: Int64, title: String)? {
        guard let postID = thread.postID else { return nil }
        let summary = posts.index(ofPostID: postID).flatMap { posts.post(at: $0) }
        if let summary { return (summary.blogID, summary.blogTitle.isEmpty ? "this blog" : summary.blogTitle) }
        if let post = article.post, post.id == postID { return (post.blogID, "this blog") }
        return nil
    }
}
