import BlogModel

extension AppState {
    /// `w`: watches the post (sync follows its comments) or stops; the list shows the mark at
    /// once, the cache is told in the background.
    mutating func toggleWatch() -> [Effect] {
        let postID = focus == .posts ? posts.selectedPost?.id : currentPostID
        guard let postID else { return [] }
        let index = posts.index(ofPostID: postID)
        let summary = index.flatMap { posts.post(at: $0) }
        let watched = !(watchedPosts[postID] ?? summary?.watched ?? false)
        watchedPosts[postID] = watched
        if let index { posts.window[index - posts.windowStart].watched = watched }
        let title = summary?.title ?? (article.post?.id == postID ? article.post?.title : nil) ?? ""
        let name = title.isEmpty ? "this post" : "\"\(title)\""
        status = StatusMessage(
            watched ? "Watching \(name): sync follows its comments" : "Stopped watching \(name)")
        return [.setWatched(postID: postID, watched: watched)]
    }
}
