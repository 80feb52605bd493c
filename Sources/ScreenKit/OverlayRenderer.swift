import BlogModel
import ReaderCore
import TextLayout

/// Draws the overlay of the current mode: search, filter picker, link prompt, question, drafts,
/// conversations.
public enum OverlayRenderer {
    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let size = state.size
        let width = min(70, size.columns - 4)
        switch state.mode {
        case .normal: return
        case .help(let scroll):
            HelpRenderer.render(keyMap: state.keyMap, scroll: scroll, size: size, into: &buffer)
        case .search(let search):
            var lines = [promptLine("Search: ", search.query, typing: search.phase == .typing)]
            if search.isLoading { lines.append(StyledLine("Searching…", slot: .listMeta)) }
            if search.phase == .results && search.results.isEmpty && !search.isLoading {
                lines.append(StyledLine("No matches.", slot: .listMeta))
            }
            for (index, result) in search.results.enumerated() {
                var line = StyledLine()
                line.append(DateText.day(result.published) + "  ", slot: .listDate)
                line.append(TerminalSafeText.sanitize(result.title), slot: .listItem)
                line.append(result.commentID == nil ? "" : "  (comment)", slot: .listMeta)
                line.append("  " + TerminalSafeText.sanitize(result.snippet), slot: .searchMatch)
                lines.append(
                    index == search.selected && search.phase == .results ? line.mapSlots { _ in .listSelected } : line)
            }
            box(
                "Search", lines, first: search.scroll, width: width, height: min(size.rows - 4, max(3, lines.count)),
                size: size, into: &buffer)
        case .filterPicker(let picker):
            let names: [String] =
                picker.kind == nil
                ? FilterKind.allCases.map(\.title)
                : picker.facets.map { "\(TerminalSafeText.sanitize($0.name))  (\($0.count))" }
            let lines = names.enumerated().map { index, name in
                StyledLine(name, slot: index == picker.selected ? .listSelected : .listItem)
            }
            let title = picker.kind.map { "Filter by \($0.title.lowercased())" } ?? "Filter by"
            box(
                title, picker.isLoading ? [StyledLine("Loading…", slot: .listMeta)] : lines, first: picker.scroll,
                width: min(width, 50), height: min(size.rows - 4, max(1, lines.count)), size: size, into: &buffer)
        case .linkPrompt(let digits):
            box(
                "Open link", [promptLine("Link number (Enter for the post): ", digits, typing: true)], first: 0,
                width: width, height: 1, size: size, into: &buffer)
        case .confirm(let request):
            var lines = StyledLine.wrapping(
                TerminalSafeText.sanitize(request.question), slot: .prompt, width: min(width, 50))
            lines.append(
                StyledLine(state.keyMap.hints([([.confirmYes], "yes"), ([.confirmNo], "no")]), slot: .helpKey))
            box("Confirm", lines, first: 0, width: min(width, 50), height: lines.count, size: size, into: &buffer)
        case .draftList(let list):
            DraftListRenderer.render(list, keyMap: state.keyMap, size: size, into: &buffer)
        case .conversations(let list):
            ConversationListRenderer.render(list, keyMap: state.keyMap, size: size, into: &buffer)
        case .identityForm(let form):
            var lines = StyledLine.wrapping(
                "Blogs ask who is commenting. This is asked once and kept in the config file.", slot: .prompt,
                width: min(width, 70))
            lines.append(.blank)
            for field in IdentityForm.Field.allCases where field.rawValue <= form.field.rawValue {
                lines.append(promptLine(field.label, form.value(of: field), typing: field == form.field))
            }
            lines.append(.blank)
            lines.append(StyledLine(state.keyMap.hints([([.open], "next"), ([.cancel], "cancel")]), slot: .helpKey))
            box(
                "Who is commenting", lines, first: 0, width: min(width, 70), height: lines.count, size: size,
                into: &buffer)
        }
    }

    private static func promptLine(_ label: String, _ text: String, typing: Bool) -> StyledLine {
        var line = StyledLine(label, slot: .helpKey)
        line.append(TerminalSafeText.sanitize(text), slot: .prompt)
        if typing { line.append("▏", slot: .prompt) }
        return line
    }

    private static func box(
        _ title: String, _ lines: [StyledLine], first: Int, width: Int, height: Int, size: ScreenSize,
        into buffer: inout ScreenBuffer
    ) {
        let frame = OverlayBox.frame(width: width, height: max(1, height), size: size)
        OverlayBox.draw(title: title, lines: lines, from: max(0, first), frame: frame, into: &buffer)
    }
}
