import BlogModel
import ReaderCore
import TextLayout

/// A bordered box centred on the screen, for help, prompts, pickers and questions.
public enum OverlayBox {
    /// The box's rectangle for content of `width` × `height` on `size`, border included.
    public static func frame(width: Int, height: Int, size: ScreenSize) -> Rect {
        let boxWidth = min(size.columns, width + 4)
        let boxHeight = min(max(0, size.rows - 1), height + 2)
        return Rect(
            x: (size.columns - boxWidth) / 2, y: max(0, (size.rows - 1 - boxHeight) / 2), width: boxWidth,
            height: boxHeight)
    }

    /// Draws the border with `title` and `lines` from `first`, returns the content rect.
    @discardableResult
    public static func draw(
        title: String, lines: [StyledLine], from first: Int, frame: Rect, into buffer: inout ScreenBuffer
    ) -> Rect {
        guard frame.width >= 4, frame.height >= 2 else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        let inner = frame.width - 2
        var top = StyledLine("╭─ ", slot: .paneBorderFocused)
        let name = DisplayWidth.truncate(TerminalSafeText.sanitize(title), to: max(0, inner - 4))
        top.append(name, slot: .paneTitle)
        top.append(
            " " + String(repeating: "─", count: max(0, inner - 3 - DisplayWidth.width(of: name))) + "╮",
            slot: .paneBorderFocused)
        buffer.draw(top, row: frame.y, x: frame.x, width: frame.width)
        let content = Rect(x: frame.x + 2, y: frame.y + 1, width: frame.width - 4, height: frame.height - 2)
        for offset in 0..<content.height {
            let row = content.y + offset
            buffer.draw("│ ", slot: .paneBorderFocused, row: row, x: frame.x, width: 2)
            let index = first + offset
            buffer.draw(
                index < lines.count ? lines[index] : .blank, row: row, x: content.x, width: content.width,
                fillSlot: .help)
            buffer.draw(" │", slot: .paneBorderFocused, row: row, x: frame.maxX - 2, width: 2)
        }
        buffer.draw(
            "╰" + String(repeating: "─", count: max(0, inner)) + "╯", slot: .paneBorderFocused, row: frame.maxY - 1,
            x: frame.x, width: frame.width)
        return content
    }

    /// Draws a selectable list with `footer` lines under it (keys, an error): as many rows as
    /// fit, scrolled from `scroll` but always showing `selected`.
    public static func drawList(
        title: String, rows lines: [StyledLine], selected: Int, scroll: Int, footer: [StyledLine], width: Int,
        size: ScreenSize, into buffer: inout ScreenBuffer
    ) {
        let rows = max(1, min(size.rows - 4 - footer.count, lines.count))
        // The list's own scroll assumes no footer; keep the selection on screen regardless.
        var top = max(0, min(scroll, lines.count - rows))
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
        let shown = Array(lines[min(top, lines.count)..<min(lines.count, top + rows)]) + footer
        draw(
            title: title, lines: shown, from: 0, frame: frame(width: width, height: shown.count, size: size),
            into: &buffer)
    }
}
