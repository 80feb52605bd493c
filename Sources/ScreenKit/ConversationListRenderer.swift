import BlogModel
import ReaderCore
import TextLayout

/// The conversations overlay: one row per followed thread with new comments, and the keys.
public enum ConversationListRenderer {
    /// One row: "Title · Blog   3 new · 1 reply to you   Ann 2024-03-05 12:00".
    public static func line(for row: Conversation, selected: Bool, width: Int) -> StyledLine {
        var right = StyledLine()
        right.append("  \(row.newComments) new", slot: .commentNew)
        if row.repliesToYou > 0 {
            right.append(
                " · \(row.repliesToYou) \(row.repliesToYou == 1 ? "reply" : "replies") to you", slot: .commentNew)
        }
        let who = TerminalSafeText.sanitize(row.lastCommenter)
        let when = DateText.minute(row.lastCommentAt)
        let last = [DisplayWidth.truncate(who, to: 16), when].filter { !$0.isEmpty }.joined(separator: " ")
        if !last.isEmpty { right.append("  " + last, slot: .listDate) }
        let title = TerminalSafeText.sanitize(row.title).isEmpty ? "(untitled)" : TerminalSafeText.sanitize(row.title)
        let blog = TerminalSafeText.sanitize(row.blogTitle)
        var room = max(1, width - right.width)
        var line = StyledLine()
        let shownTitle = DisplayWidth.truncate(title, to: room)
        line.append(shownTitle, slot: .listItem)
        room -= DisplayWidth.width(of: shownTitle)
        // The blog gives way to the title on narrow overlays.
        if !blog.isEmpty, room > 6 {
            let shownBlog = DisplayWidth.truncate(" · " + blog, to: min(room, 24))
            line.append(shownBlog, slot: .listMeta)
            room -= DisplayWidth.width(of: shownBlog)
        }
        line.append(String(repeating: " ", count: max(0, room)), slot: .listItem)
        line.runs += right.runs
        return selected ? line.mapSlots { _ in .listSelected } : line
    }

    /// Draws the list box centred on the screen.
    public static func render(
        _ list: ConversationListState, keyMap: KeyMap, size: ScreenSize, into buffer: inout ScreenBuffer
    ) {
        let width = min(100, size.columns - 4)
        var lines: [StyledLine]
        if list.isLoading {
            lines = [StyledLine("Loading…", slot: .listMeta)]
        } else if list.rows.isEmpty {
            lines = [
                StyledLine(
                    "No new comments in watched threads. \(keyMap.label(for: .toggleWatch)) on a post watches it.",
                    slot: .listMeta)
            ]
        } else {
            lines = list.rows.enumerated().map { index, row in
                line(for: row, selected: index == list.selected, width: width)
            }
        }
        let keys = keyMap.hints([([.open], "open"), ([.markThreadSeen], "mark seen"), ([.quit], "close")])
        let footer = [StyledLine.blank, StyledLine(keys, slot: .helpKey)]
        OverlayBox.drawList(
            title: "Conversations (\(list.rows.count))", rows: lines, selected: list.selected, scroll: list.scroll,
            footer: footer, width: width, size: size, into: &buffer)
    }
}
