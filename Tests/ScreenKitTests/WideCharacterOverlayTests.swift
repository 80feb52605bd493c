import BlogModel
import ReaderCore
import ScreenKit
import XCTest

/// Overlays (search, help, prompts) opening and closing over full-width text: the grid
/// and the diff must leave no half of a wide character behind on a real terminal.
final class WideCharacterOverlayTests: XCTestCase {
    private let cjk = "x中文字符全角ＡＢＣ中文字符全角ＡＢＣ"

    private func page(columns: Int = 30, rows: Int = 5) -> ScreenBuffer {
        var buffer = ScreenBuffer(columns: columns, rows: rows)
        for row in 0..<rows {
            // Odd rows start one column later, so a border cuts both halves somewhere.
            let text = row % 2 == 0 ? cjk : String(cjk.dropFirst())
            buffer.draw(text, slot: .normal, row: row, x: 0, width: columns)
        }
        return buffer
    }

    private func withBox(_ page: ScreenBuffer, x: Int) -> ScreenBuffer {
        var buffer = page
        OverlayBox.draw(
            title: "Search", lines: [StyledLine("Search: ")], from: 0,
            frame: Rect(x: x, y: 1, width: 12, height: 3), into: &buffer)
        return buffer
    }

    func testABorderThroughAWideCharacterLeavesASpaceBesideItNotHalfACharacter() {
        // Given a line of CJK text: "x" then wide characters in columns 1-2, 3-4, 5-6…
        let page = page()

        // When a box's left border lands on the right half of "文" (columns 3-4) and its
        // right border on the left half of "Ｂ" (columns 15-16)
        let boxed = withBox(page, x: 4)

        // Then the grid shows what a terminal shows: a space where the cut halves were
        XCTAssertEqual(boxed[2, 3], Cell(" "))
        XCTAssertEqual(boxed[2, 16], Cell(" "))
        XCTAssertEqual(screenLines(boxed)[1], "中文╭─ Search ─╮Ｃ中文字符全角")
        XCTAssertEqual(screenLines(boxed)[2], "x中 │ Search:  │ Ｃ中文字符全 ")
        XCTAssertEqual(screenLines(boxed)[3], "中文╰──────────╯Ｃ中文字符全角")
        XCTAssertEqual(wideCharactersAreWhole(boxed), [])
    }

    func testClosingTheBoxRedrawsBothHalvesOfEveryCutWideCharacter() {
        // Given the page on screen, then the box over it
        let page = page()
        let boxed = withBox(page, x: 4)

        // When the box closes
        let changes = page.changes(since: boxed)

        // Then each cut wide character is written whole, from its first column
        XCTAssertTrue(changes.contains(CellChange(row: 2, column: 3, width: 2)), "\(changes)")
        XCTAssertTrue(changes.contains(CellChange(row: 2, column: 15, width: 2)), "\(changes)")
        XCTAssertFalse(changes.contains { $0.row == 2 && $0.column == 4 }, "never half of 文 alone")
        XCTAssertFalse(changes.contains { $0.row == 0 || $0.row == 4 }, "rows the box never touched")
    }

    func testOpeningAndClosingBoxesLeavesTheTerminalExactlyAsBefore() {
        // Given a terminal showing the page
        let page = page()
        var terminal = FakeTerminalScreen(columns: page.columns, rows: page.rows)
        terminal.show(page, after: nil)
        XCTAssertEqual(terminal.lines, screenLines(page))

        // When boxes open and close at every offset, both parities of cut included
        for x in 0...6 {
            let boxed = withBox(page, x: x)
            terminal.show(boxed, after: page)
            // Then the open box is drawn exactly as the grid says
            XCTAssertEqual(terminal.lines, screenLines(boxed), "box at \(x)")
            terminal.show(page, after: boxed)
            // And after closing no stale half or border remains
            XCTAssertEqual(terminal.lines, screenLines(page), "box at \(x) closed")
        }
    }

    func testWideTextShiftedByOneColumnOverwritesEveryOldHalf() {
        // Given wide text on screen, When the same text moves one column right (a scroll
        // or a reflow), Then every old half is overwritten
        var before = ScreenBuffer(columns: 12, rows: 1)
        before.draw("中文字符全角", slot: .normal, row: 0, x: 0, width: 12)
        var after = ScreenBuffer(columns: 12, rows: 1)
        after.draw(" 中文字符全角", slot: .normal, row: 0, x: 0, width: 12)
        var terminal = FakeTerminalScreen(columns: 12, rows: 1)
        terminal.show(before, after: nil)
        terminal.show(after, after: before)
        XCTAssertEqual(terminal.lines, [" 中文字符全 "])
        XCTAssertEqual(screenLines(after), [" 中文字符全 "])
    }

    func testSearchOverAFullWidthArticleAt80x24() {
        // Given a CJK article, When the search box opens over it
        let size = ScreenSize(columns: 80, rows: 24)
        var state = ScreenFixtures.makeState(size: size)
        let paragraph = String(repeating: "中文字符全角ＡＢＣ", count: 8)
        state.article.text = RichText(blocks: [
            .paragraph([RichSpan("x" + paragraph)]), .paragraph([RichSpan(paragraph)]),
        ])
        state.mode = .search(SearchState(query: "全角"))
        let buffer = ScreenRenderer.render(state, size: size)

        // Then the wide characters its borders cut are blanks, whole ones stay
        XCTAssertEqual(wideCharactersAreWhole(buffer), [])
        assertSnapshot(buffer, named: "stacked-80x24-search-over-cjk")
    }

    func testHelpAndSearchOverlaysOverAFullWidthArticleCloseWithoutStaleCells() {
        // Given the reader with a CJK article and a CJK thread at 120×40
        let size = ScreenSize(columns: 120, rows: 40)
        var state = ScreenFixtures.makeState(size: size)
        let paragraph = String(repeating: "中文字符全角ＡＢＣ", count: 12)
        state.article.text = RichText(blocks: [
            .paragraph([RichSpan("x" + paragraph)]), .paragraph([RichSpan(paragraph)]),
        ])
        let plain = ScreenRenderer.render(state, size: size)
        var terminal = FakeTerminalScreen(columns: size.columns, rows: size.rows)
        terminal.show(plain, after: nil)

        for mode in [Mode.help(scroll: 0), .search(SearchState(query: "中文"))] {
            // When an overlay opens over it and closes again
            state.mode = mode
            let overlaid = ScreenRenderer.render(state, size: size)
            XCTAssertEqual(wideCharactersAreWhole(overlaid), [], "\(mode)")
            terminal.show(overlaid, after: plain)
            XCTAssertEqual(terminal.lines, screenLines(overlaid), "\(mode) open")
            state.mode = .normal
            terminal.show(plain, after: overlaid)

            // Then the terminal shows the frame exactly as before the overlay
            XCTAssertEqual(terminal.lines, screenLines(plain), "\(mode) closed")
        }
    }
}
