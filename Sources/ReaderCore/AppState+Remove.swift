import BlogModel

/// Removing a blog from the filter list's blogs (`f`, Blog, then the remove key), after asking.
extension AppState {
    /// The remove key in the filter list: only a blog row can be removed.
    mutating func askRemoveBlog(_ picker: FilterPickerState) -> [Effect] {
        guard picker.kind == .blog else {
            status = StatusMessage("Only blogs can be removed: choose \(FilterKind.blog.title) in this list first")
            return []
        }
        guard picker.facets.indices.contains(picker.selected),
            let blogID = Int64(picker.facets[picker.selected].value)
        else { return [] }
        return [.library(.previewRemoval(blogID: blogID))]
    }

    /// The cache counted what goes: asks, and comes back to the blog list after either answer.
    mutating func askRemoveBlog(_ preview: BlogRemovalPreview) {
        guard case .filterPicker(let picker) = mode, picker.kind == .blog else { return }
        mode = .confirm(
            ConfirmRequest(
                question: preview.question, effects: [.library(.removeBlog(blogID: preview.blogID))],
                filterPicker: picker))
    }

    /// The blog is gone: the blog list and the posts load again, without the blog's posts; a
    /// list showing only that blog becomes the whole list.
    ///
    /// The answer may come long after the question (another process held the cache's write
    /// lock) while the user kept reading: a list that may hold the blog's posts loads its
    /// first window again, keeping the selected post when it is there; another blog's list
    /// is left as it is.
    mutating func applyBlogRemoved(blogID: Int64, message: String) -> [Effect] {
        var effects: [Effect] = []
        if case .filterPicker(var picker) = mode, picker.kind == .blog {
            picker.isLoading = true
            mode = .filterPicker(picker)
            effects.append(.loadFacets(.blog))
        }
        switch posts.filter.filter {
        case .blog(blogID):
            effects += reloadPosts(filter: .all)
        case .blog:
            break
        default:
            let keepsSelection = posts.windowStart == 0 && posts.selected < windowLimit && !posts.window.isEmpty
            effects += keepsSelection ? [.loadPosts(windowRequest(.newest))] : reloadPosts(filter: posts.filter)
        }
        status = StatusMessage(message)
        return effects
    }
}
