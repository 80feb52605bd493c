extension AppState {
    /// Lines the wheel moves per notch.
    static let wheelStep = 3

    /// A press focuses the pane under the pointer and selects the row there; on a thread row's
    /// fold marker it folds or unfolds. The wheel moves the pane under the pointer.
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
                moveThreadSelection(toVisibleIndex: thread.selectedVisibleIndex + delta)
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
            guard let list = layout.threadList, list.contains(column: column, row: row) else {
                return []
            }
            let index = thread.scroll + row - list.y
            guard thread.visibleRows.indices.contains(index) else { return [] }
            let target = thread.visibleRows[index]
            let marker = list.x + ReaderLayout.threadMarkerOffset(depth: thread.thread.rows[target].depth)
            thread.selectedRow = target
            if column == marker, thread.thread.rows[target].descendantCount > 0 {
                thread.toggleCollapse(row: target)
            }
            keepThreadSelectionVisible()
            return []
        }
    }
}
