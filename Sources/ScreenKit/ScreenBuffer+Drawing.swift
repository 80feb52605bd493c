import BlogModel
import ReaderCore
import TextLayout

extension ScreenBuffer {
    /// Fills `rect` with spaces in `slot`.
    public mutating func fill(_ rect: Rect, slot: StyleSlot) {
        for row in rect.y..<rect.maxY {
            for column in rect.x..<rect.maxX { self[row, column] = Cell(" ", slot: slot) }
        }
    }

    /// Draws `line` at `row` from column `x`, clipped to `width` columns; the rest of the
    /// width is filled with spaces in `fillSlot`. Text is sanitized again on the way in,
    /// a wide character that would straddle the edge becomes a space, and a cluster is
    /// stored as `DisplayWidth.cellText` says: no cell ever holds an invisible scalar.
    public mutating func draw(_ line: StyledLine, row: Int, x: Int, width: Int, fillSlot: StyleSlot = .normal) {
        guard row >= 0, row < rows, width > 0 else { return }
        var column = x
        let end = min(columns, x + width)
        for run in line.runs {
            let text = TerminalSafeText.sanitize(run.text)
            for cluster in text {
                let clusterWidth = DisplayWidth.width(of: cluster)
                if clusterWidth == 0 { continue }
                if column + clusterWidth > end {
                    column = end
                    break
                }
                self[row, column] = Cell(DisplayWidth.cellText(cluster), slot: run.slot)
                // The second column: the continuation of a wide character, or a blank
                // beside a glyph drawn narrower than its cluster ("❤" for "❤️").
                if clusterWidth == 2 { self[row, column + 1] = Cell("", slot: run.slot) }
                column += clusterWidth
            }
        }
        while column < end {
            self[row, column] = Cell(" ", slot: fillSlot)
            column += 1
        }
    }

    /// Draws plain `text` in one slot.
    public mutating func draw(_ text: String, slot: StyleSlot, row: Int, x: Int, width: Int, fillSlot: StyleSlot? = nil)
    {
        draw(StyledLine(text, slot: slot), row: row, x: x, width: width, fillSlot: fillSlot ?? slot)
    }

    /// Draws `lines` into `rect` starting at `lines[first]`; rows past the end are blank.
    public mutating func draw(_ lines: [StyledLine], from first: Int, in rect: Rect, fillSlot: StyleSlot = .normal) {
        for offset in 0..<rect.height {
            let index = first + offset
            let line = index >= 0 && index < lines.count ? lines[index] : .blank
            draw(line, row: rect.y + offset, x: rect.x, width: rect.width, fillSlot: fillSlot)
        }
    }

    /// A one-row title bar: the title in `paneTitle` on a rule, focused panes in `paneBorderFocused`.
    public mutating func drawTitleBar(_ title: String, right: String = "", in rect: Rect, focused: Bool) {
        guard rect.height > 0, rect.width > 0 else { return }
        let border: StyleSlot = focused ? .paneBorderFocused : .paneBorder
        var line = StyledLine()
        line.append(focused ? "━ " : "─ ", slot: border)
        let rightText = right.isEmpty ? "" : " " + TerminalSafeText.sanitize(right) + " "
        let room = max(0, rect.width - 3 - DisplayWidth.width(of: rightText) - 2)
        line.append(
            DisplayWidth.truncate(TerminalSafeText.sanitize(title), to: room),
            slot: focused ? .paneBorderFocused : .paneTitle)
        line.append(" ", slot: border)
        let fillCount = max(0, rect.width - line.width - DisplayWidth.width(of: rightText) - 1)
        line.append(String(repeating: focused ? "━" : "─", count: fillCount), slot: border)
        line.append(rightText, slot: .listMeta)
        line.append(focused ? "━" : "─", slot: border)
        draw(line, row: rect.y, x: rect.x, width: rect.width, fillSlot: border)
    }
}
