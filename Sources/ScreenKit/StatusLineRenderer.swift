import BlogModel
import ReaderCore
import TextLayout

/// Draws the last screen row: a message or key hints on the left, sync progress on the right.
public enum StatusLineRenderer {
    public static func render(_ state: AppState, rect: Rect, into buffer: inout ScreenBuffer) {
        guard rect.height > 0 else { return }
        var right = ""
        if let progress = state.syncProgress { right = "⟳ " + progress } else if state.isSyncing { right = "⟳ syncing" }
        if state.newRepliesToYou > 0 {
            let count = state.newRepliesToYou
            let replies =
                "\(count) \(count == 1 ? "reply" : "replies") to you · \(state.keyMap.label(for: .conversations))"
            right = right.isEmpty ? replies : replies + "  " + right
        }
        var line = StyledLine(" ")
        line.runs[0].slot = .statusBar
        if let status = state.status {
            line.append(TerminalSafeText.sanitize(status.text), slot: status.isError ? .statusError : .statusMessage)
        } else {
            line.append(hints(state), slot: .statusBar)
        }
        let rightWidth = DisplayWidth.width(of: right)
        let room = max(0, rect.width - rightWidth - 2)
        var clipped = StyledLine()
        var used = 0
        for run in line.runs {
            let piece = DisplayWidth.prefix(of: run.text, fitting: room - used)
            clipped.append(piece.text, slot: run.slot)
            used += piece.width
        }
        clipped.append(String(repeating: " ", count: max(0, rect.width - used - rightWidth - 1)), slot: .statusBar)
        clipped.append(right + " ", slot: .statusBar)
        buffer.draw(clipped, row: rect.y, x: rect.x, width: rect.width, fillSlot: .statusBar)
    }

    /// Short key hints for the focused pane, from the key map.
    static func hints(_ state: AppState) -> String {
        let commands: [(Command, String)] = [
            (.help, "help"), (.nextPane, "pane"), (.open, "open"), (.search, "search"), (.filter, "filter"),
            (.quit, "quit"),
        ]
        return commands.compactMap { command, word in
            state.keyMap.keys(for: command).first.map { "\($0.displayName) \(word)" }
        }.joined(separator: "  ")
    }
}
