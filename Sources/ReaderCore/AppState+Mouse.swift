extension AppState {
    /// Lines the wheel moves per notch.
    static let wheelStep = 3

    /// A press focuses the pane under the pointer and, in the post list, selects the row there
    /// (in the thread the runner follows up with `.selectThreadRow`). The wheel moves the
    /// pane under the pointer; in the thread a notch does what `j`/`k` do (lines through a
    /// comment taller than the pane, else the next comment).
    mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        guard mode == .normal else { return [] }
        let layout = self.layout
        guard let pane = layout.pane(atColumn: event.column, row: event.row) else { return [] }
        switch event.action {
        case .wheelUp, .wheelDown:
            let delta = event.action == .wheelUp ? -Self.wheelStep : Self.wheelStep
            switch pane {
            case .posts: return selectPost(at: posts.selected + delta)
            case .article:
                scrollArticle(to: article.scroll + delta)
            case .thread:
                stepThread(forward: delta > 0)
            }
            return []
        case .press:
            focus = pane
            return press(in: pane, column: event.column, row: event.row, layout: layout)
        }
    }

    private mutating func press(in pane: Pane, column: Int, row: Int, layout: ReaderLayout) -> [Effect] {
        switch pane {
        case .posts:
            guard let content = layout.content(of: .posts), row >= content.y else { return [] }
            let index = posts.scrollTop + row - content.y
            guard index < posts.windowEnd, index >= posts.windowStart else { return [] }
            return selectPost(at: index)
        case .article:
            return []
        case .thread:
            // The runner finds the comment under the pointer with `threadViewport.hit` and
            // sends `.selectThreadRow`.
            return []
        }
    }
}
