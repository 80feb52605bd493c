import BlogModel

extension AppState {
    /// `}`/`{`: the next or previous new reply to the user; in a thread with no new one, any
    /// reply to them.
    mutating func seekReplyToMe(forward: Bool) -> [Effect] {
        let thread = self.thread.thread
        let isReply = { (row: Int) in thread.comment(at: row).marks.contains(.replyToMe) }
        let isNewReply = { (row: Int) in
            let comment = thread.comment(at: row)
            return isReply(row) && comment.isNew && !comment.marks.contains(.muted)
        }
        let hasNew = thread.rows.indices.contains(where: isNewReply)
        guard hasNew || thread.rows.indices.contains(where: isReply) else {
            status = StatusMessage("No replies to you in this thread")
            return []
        }
        let wanted = hasNew ? isNewReply : isReply
        let start = self.thread.selectedRow
        let found =
            forward
            ? thread.rows.indices.first { $0 > start && wanted($0) }
            : thread.rows.indices.last { $0 < start && wanted($0) }
        guard let found else {
            let what = hasNew ? "new replies to you" : "replies to you"
            status = StatusMessage(forward ? "No more \(what) below" : "No \(what) above")
            return []
        }
        focus = .thread
        selectThreadRow(found)
        return []
    }

    /// `)`/`(`: the next top-level comment, or the previous one (from a reply, its own).
    mutating func threadTopLevel(forward: Bool) -> [Effect] {
        guard !thread.isEmpty else { return [] }
        let rows = thread.thread.rows
        var root = thread.selectedRow
        while let parent = rows[root].parentRow { root = parent }
        let target: Int?
        if forward {
            let next = root + rows[root].descendantCount + 1
            target = next < rows.count ? next : nil
        } else {
            target = root != thread.selectedRow ? root : thread.thread.previousSibling(of: root)
        }
        guard let target else {
            status = StatusMessage(forward ? "Last top-level comment" : "First top-level comment")
            return []
        }
        selectThreadRow(target)
        return []
    }

    /// `O`: opens the selected comment's own address, the post's link with `#comment-ID`.
    mutating func openCommentLink() -> [Effect] {
        guard let comment = thread.selectedComment else { return [] }
        let sourceID = comment.sourceID
        // A feed may name a comment by its address already.
        if sourceID.contains("://"), sourceID.contains("#comment-") { return [.openURL(sourceID)] }
        guard let link = linkOfShownPost(), !link.isEmpty else {
            status = StatusMessage("This post has no link", isError: true)
            return []
        }
        guard let number = Comment.siteNumber(of: sourceID) else {
            status = StatusMessage("This comment has no number the blog links to", isError: true)
            return []
        }
        let page = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
        return [.openURL((page ?? link) + "#comment-\(number)")]
    }

    /// The link of the post whose thread is shown.
    private func linkOfShownPost() -> String? {
        guard let postID = thread.postID else { return nil }
        if let post = article.post, post.id == postID { return post.link }
        return posts.index(ofPostID: postID).flatMap { posts.post(at: $0) }?.link
    }
}
