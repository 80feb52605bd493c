import BlogModel

extension AppState {
    /// Appends a typed character to the open prompt; the link prompt takes digits only.
    mutating func typeText(_ character: Character) {
        switch mode {
        case .search(var search):
            search.query.append(character)
            mode = .search(search)
        case .linkPrompt(let digits) where character.isASCII && character.isNumber:
            mode = .linkPrompt(digits: digits + String(character))
        case .identityForm(var form):
            form.edit { $0.append(character) }
            mode = .identityForm(form)
        default:
            break
        }
    }

    mutating func runInHelp(_ command: Command, scroll: Int) -> [Effect] {
        let rows = ReaderLayout(size: size, focus: focus).overlayList.height
        let limit = max(0, keyMap.helpEntries.count - rows)
        switch command {
        case .quit, .cancel, .help, .open: mode = .normal
        default:
            if let moved = listMove(command, from: scroll, count: limit + 1) {
                mode = .help(scroll: moved)
            }
        }
        return []
    }

    mutating func runInSearch(_ command: Command, _ state: SearchState) -> [Effect] {
        var search = state
        switch (search.phase, command) {
        case (.typing, .open):
            guard !search.query.isEmpty else {
                mode = .normal
                return []
            }
            search.phase = .results
            search.isLoading = true
            mode = .search(search)
            return [.search(query: search.query)]
        case (.typing, .deleteBackward):
            if !search.query.isEmpty { search.query.removeLast() }
            mode = .search(search)
        case (.typing, .cancel), (.results, .quit): mode = .normal
        case (.results, .cancel):
            search.phase = .typing
            mode = .search(search)
        case (.results, .open):
            guard search.results.indices.contains(search.selected) else { return [] }
            let hit = search.results[search.selected]
            mode = .normal
            return openSearchHit(hit)
        default:
            guard search.phase == .results,
                let moved = listMove(command, from: search.selected, count: search.results.count)
            else { return [] }
            search.selected = moved
            search.scroll = scrolled(search.scroll, toShow: moved)
            mode = .search(search)
        }
        return []
    }

    private mutating func openSearchHit(_ hit: SearchResultRow) -> [Effect] {
        selectPostIfLoaded(hit.postID)
        focus = hit.commentID == nil ? .article : .thread
        let effects = openPost(hit.postID)
        thread.pendingCommentID = hit.commentID
        if thread.postID == hit.postID, !thread.isEmpty, let commentID = hit.commentID,
            let row = thread.thread.rows.indices.first(where: { thread.thread.comment(at: $0).id == commentID })
        {
            selectThreadRow(row)
        }
        return effects
    }

    mutating func runInFilterPicker(_ command: Command, _ state: FilterPickerState) -> [Effect] {
        var picker = state
        switch command {
        case .quit: mode = .normal
        case .cancel:
            mode = picker.kind == nil ? .normal : .filterPicker(FilterPickerState())
        case .open:
            guard let kind = picker.kind else {
                guard FilterKind.allCases.indices.contains(picker.selected) else { return [] }
                let chosen = FilterKind.allCases[picker.selected]
                mode = .filterPicker(FilterPickerState(kind: chosen, isLoading: true))
                return [.loadFacets(chosen)]
            }
            guard picker.facets.indices.contains(picker.selected) else { return [] }
            let facet = picker.facets[picker.selected]
            guard let filter = facet.filter(kind: kind) else { return [] }
            mode = .normal
            focus = .posts
            return reloadPosts(filter: PostFilterDescription(filter: filter, label: "\(kind.title): \(facet.name)"))
        case .removeBlog: return askRemoveBlog(picker)
        default:
            guard let moved = listMove(command, from: picker.selected, count: picker.rowCount) else {
                return []
            }
            picker.selected = moved
            picker.scroll = scrolled(picker.scroll, toShow: moved)
            mode = .filterPicker(picker)
        }
        return []
    }

    mutating func runInLinkPrompt(_ command: Command, digits: String) -> [Effect] {
        switch command {
        case .cancel, .quit: mode = .normal
        case .deleteBackward: mode = .linkPrompt(digits: String(digits.dropLast()))
        case .open:
            mode = .normal
            if digits.isEmpty {
                let link = article.post?.link ?? posts.selectedPost?.link ?? ""
                guard !link.isEmpty else {
                    status = StatusMessage("This post has no link", isError: true)
                    return []
                }
                return [.openURL(link)]
            }
            guard let number = Int(digits), article.text.links.indices.contains(number - 1) else {
                status = StatusMessage("No link [\(digits)] in this article", isError: true)
                return []
            }
            return [.openURL(article.text.links[number - 1])]
        default: break
        }
        return []
    }

    mutating func runInConfirm(_ command: Command, _ request: ConfirmRequest) -> [Effect] {
        let after: Mode =
            request.draftList.map { .draftList($0) }
            ?? request.filterPicker.map { .filterPicker($0) } ?? .normal
        switch command {
        case .confirmYes:
            mode = after
            return request.effects
        case .confirmNo, .cancel:
            mode = after
            return request.noEffects
        default: break
        }
        return []
    }

    /// The draft list: edit, delete (after asking), queue, unqueue, send; the runner answers
    /// every draft effect with `.draftsLoaded`, which refreshes the list in place.
    mutating func runInDraftList(_ command: Command, _ state: DraftListState) -> [Effect] {
        var list = state
        switch command {
        case .quit, .cancel, .drafts: mode = .normal
        case .open, .editDraft:
            guard let draft = list.selectedDraft else { return [] }
            return [.editDraft(draftID: draft.id)]
        case .deleteDraft:
            guard let draft = list.selectedDraft else { return [] }
            let excerpt = DraftListState.firstLine(of: draft.body, limit: 40)
            mode = .confirm(
                ConfirmRequest(
                    question: "Delete the draft \"\(excerpt)\"?", effects: [.deleteDraft(id: draft.id)],
                    draftList: list))
        case .queueDraft:
            guard let draft = list.selectedDraft else { return [] }
            guard draft.state == .draft || draft.state == .failed else {
                status = StatusMessage("Only a draft or a failed draft can be queued")
                return []
            }
            status = StatusMessage("Queued; \(keyLabel(.sendDrafts)) sends now, sync sends too")
            return [.setDraftState(id: draft.id, .queued)]
        case .unqueueDraft:
            guard let draft = list.selectedDraft else { return [] }
            guard draft.state == .queued || draft.state == .failed else {
                status = StatusMessage("Only a queued or failed draft can be held back")
                return []
            }
            return [.setDraftState(id: draft.id, .draft)]
        case .sendDrafts:
            guard list.drafts.contains(where: { $0.state == .queued }) else {
                status = StatusMessage("No queued drafts; \(keyLabel(.queueDraft)) queues the selected one")
                return []
            }
            status = StatusMessage("Sending queued drafts…")
            return [.sendDrafts]
        default:
            guard let moved = listMove(command, from: list.selected, count: list.drafts.count) else {
                return []
            }
            list.selected = moved
            list.scroll = scrolled(list.scroll, toShow: moved)
            mode = .draftList(list)
        }
        return []
    }

    /// Where a list cursor at `index` of `count` rows goes for a movement command; nil if none.
    func listMove(_ command: Command, from index: Int, count: Int) -> Int? {
        guard count > 0 else { return nil }
        let page = ReaderLayout(size: size, focus: focus).overlayList.height
        let target: Int
        switch command {
        case .moveDown: target = index + 1
        case .moveUp: target = index - 1
        case .pageDown: target = index + max(1, page)
        case .pageUp: target = index - max(1, page)
        case .top: target = 0
        case .bottom: target = count - 1
        default: return nil
        }
        return max(0, min(target, count - 1))
    }

    /// The overlay scroll that keeps row `index` on screen.
    func scrolled(_ scroll: Int, toShow index: Int) -> Int {
        let rows = max(1, ReaderLayout(size: size, focus: focus).overlayList.height)
        if index < scroll { return index }
        if index >= scroll + rows { return index - rows + 1 }
        return scroll
    }
}
