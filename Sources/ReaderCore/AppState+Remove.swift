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
        mode = .confirm(ConfirmRequest(
            question: preview.question, effects: [.library(.removeBlog(blogID: preview.blogID))],
            filterPicker: picker))
    }

    /// The blog is gone: the blog list and the posts load again, without the blog's posts; a
    /// list showing only that blog becomes the whole list.
    mutating func applyBlogRemoved(blogID: Int64, message: String) -> [Effect] {
        var effects: [Effect] = []
        if case .filterPicker(var picker) = mode, picker.kind == .blog {
            picker.isLoading = true
            mode = .filterPicker(picker)
            effects.append(.loadFacets(.blog))
        }
        effects += reloadPosts(filter: posts.filter.filter == .blog(blogID) ? .all : posts.filter)
        status = StatusMessage(message)
        return effects
    }
}
