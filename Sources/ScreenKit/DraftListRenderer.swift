import BlogModel
import ReaderCore
import TextLayout

/// The draft list overlay: one row per draft (state, post, first line, last change) and the keys.
public enum DraftListRenderer {
    /// One row: "queued   Post title…   First line of the body…   2024-03-05 12:00".
    public static func line(for draft: Draft, postTitle: String?, selected: Bool, width: Int) -> StyledLine {
        let state = draft.state.rawValue
        let date = DateText.minute(draft.updated)
        let title =
            TerminalSafeText.sanitize(postTitle ?? "").isEmpty
            ? "post \(draft.postID)" : TerminalSafeText.sanitize(postTitle ?? "")
        let titleWidth = min(24, max(8, width / 3))
        let shownTitle = DisplayWidth.truncate(title, to: titleWidth)
        let bodyRoom = max(0, width - 9 - titleWidth - 2 - DisplayWidth.width(of: date) - 2)
        let body = DisplayWidth.truncate(
            DraftListState.firstLine(of: TerminalSafeText.sanitize(draft.body, keepNewlines: true), limit: 200),
            to: bodyRoom)
        var line = StyledLine()
        line.append(
            state + String(repeating: " ", count: max(1, 9 - state.count)),
            slot: draft.state == .failed ? .statusError : .draft)
        line.append(
            shownTitle + String(repeating: " ", count: titleWidth - DisplayWidth.width(of: shownTitle) + 2),
            slot: .listItem)
        line.append(
            body + String(repeating: " ", count: max(0, bodyRoom - DisplayWidth.width(of: body)) + 2), slot: .help)
        line.append(date, slot: .listDate)
        guard selected else { return line }
        var highlighted = line.mapSlots { _ in .listSelected }
        let pad = width - highlighted.width
        if pad > 0 { highlighted.append(String(repeating: " ", count: pad), slot: .listSelected) }
        return highlighted
    }

    /// Draws the list box centred on the screen.
    public static func render(_ list: DraftListState, keyMap: KeyMap, size: ScreenSize, into buffer: inout ScreenBuffer)
    {
        let width = min(90, size.columns - 4)
        var lines: [StyledLine]
        if list.isLoading {
            lines = [StyledLine("Loading…", slot: .listMeta)]
        } else if list.drafts.isEmpty {
            lines = [
                StyledLine(
                    "No drafts. \(keyMap.label(for: .comment)) comments on the post, \(keyMap.label(for: .reply)) replies to a comment.",
                    slot: .listMeta)
            ]
        } else {
            lines = list.drafts.enumerated().map { index, draft in
                line(
                    for: draft, postTitle: list.postTitles[draft.postID], selected: index == list.selected, width: width
                )
            }
        }
        let keys = keyMap.hints([
            ([.open, .editDraft], "edit"), ([.deleteDraft], "delete"), ([.queueDraft], "queue"),
            ([.unqueueDraft], "unqueue"), ([.sendDrafts], "send queued"), ([.quit], "close"),
        ])
        var footer = [StyledLine.blank, StyledLine(keys, slot: .helpKey)]
        if let error = list.selectedDraft?.lastError, list.selectedDraft?.state == .failed {
            footer.insert(
                StyledLine(
                    DisplayWidth.truncate("Failed: " + TerminalSafeText.sanitize(error), to: width), slot: .statusError),
                at: 1)
        }
        OverlayBox.drawList(
            title: "Drafts (\(list.drafts.count))", rows: lines, selected: list.selected, scroll: list.scroll,
            footer: footer, width: width, size: size, into: &buffer)
    }
}
