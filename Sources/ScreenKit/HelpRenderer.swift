import ReaderCore
import TextLayout

/// The key help, generated from the command table and the user's key map.
public enum HelpRenderer {
    /// One line per command: its keys, then what it does and where.
    public static func lines(keyMap: KeyMap, width: Int) -> [StyledLine] {
        let rows = CommandSpec.table.map { spec -> (String, String) in
            let keys = keyMap.keys(for: spec.command).map(\.displayName).joined(separator: " ")
            return (keys.isEmpty ? "(unbound)" : keys, spec.help + " · " + spec.scope.helpDescription)
        }
        let keyWidth = min(16, rows.map { DisplayWidth.width(of: $0.0) }.max() ?? 0)
        var out: [StyledLine] = []
        for (keys, help) in rows {
            let shown = DisplayWidth.truncate(keys, to: keyWidth)
            var line = StyledLine(
                shown + String(repeating: " ", count: keyWidth - DisplayWidth.width(of: shown) + 2), slot: .helpKey)
            let wrapped = StyledLine.wrapping(help, slot: .help, width: max(10, width - keyWidth - 2))
            line.runs += wrapped[0].runs
            out.append(line)
            for more in wrapped.dropFirst() {
                out.append(more.prefixed(by: [StyledRun(String(repeating: " ", count: keyWidth + 2))]))
            }
        }
        return out
    }

    /// Draws the help box over the screen, scrolled to `scroll`.
    public static func render(keyMap: KeyMap, scroll: Int, size: ScreenSize, into buffer: inout ScreenBuffer) {
        let width = min(76, size.columns - 4)
        let lines = self.lines(keyMap: keyMap, width: width)
        let frame = OverlayBox.frame(width: width, height: lines.count, size: size)
        let top = max(0, min(scroll, lines.count - (frame.height - 2)))
        let close = "\(keyMap.label(for: .quit)) or \(keyMap.label(for: .cancel))"
        OverlayBox.draw(title: "Keys — \(close) to close", lines: lines, from: top, frame: frame, into: &buffer)
    }
}
