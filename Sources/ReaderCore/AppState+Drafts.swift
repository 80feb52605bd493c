import BlogModel

extension AppState {
    /// `.draftsLoaded(every draft)`: the thread keeps its post's drafts (or the loading
    /// post's, when the drafts arrive first) and an open draft list refreshes in place.
    mutating func applyDrafts(_ drafts: [Draft]) {
        let postID = thread.loadingPostID ?? thread.postID
        thread.drafts = drafts.filter { $0.postID == postID }
        guard case .draftList(var list) = mode else { return }
        let selectedID = list.selectedDraft?.id
        list.drafts = drafts
        list.isLoading = false
        list.selected =
            selectedID.flatMap { id in drafts.firstIndex { $0.id == id } }
            ?? min(list.selected, max(0, drafts.count - 1))
        list.postTitles = postTitles(for: drafts)
        mode = .draftList(list)
    }

    /// Titles of the drafts' posts that are loaded: the post list window and the article.
    private func postTitles(for drafts: [Draft]) -> [Int64: String] {
        var titles: [Int64: String] = [:]
        let wanted = Set(drafts.map(\.postID))
        for post in posts.window where wanted.contains(post.id) { titles[post.id] = post.title }
        if let post = article.post, wanted.contains(post.id) { titles[post.id] = post.title }
        return titles
    }
}
