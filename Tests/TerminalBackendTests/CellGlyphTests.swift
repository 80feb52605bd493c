import ScreenKit
import XCTest

@testable import TerminalBackend

/// What reaches curses for each changed cell: never a control character, never half a
/// wide character, never a glyph wider or narrower than the cells it replaces.
final class CellGlyphTests: XCTestCase {
    override func setUp() {
        // Widths come from wcwidth, which knows wide characters only under a UTF-8 locale,
        // as the terminal selects one when it starts.
        Terminal.selectUTF8Locale()
    }

    private func text(_ glyph: CellGlyph) -> String {
        String(String.UnicodeScalarView(glyph.scalars.compactMap { Unicode.Scalar(UInt32($0)) }))
    }

    func testControlsEscapesAndBidiOverridesBecomeQuestionMarks() {
        XCTAssertEqual(text(CellGlyph("\u{1B}")), "?")
        XCTAssertEqual(text(CellGlyph("\u{9B}")), "?")
        XCTAssertEqual(text(CellGlyph("\u{202E}")), "?")
        XCTAssertEqual(text(CellGlyph("\u{07}")), "?")
    }

    func testAZWJSequenceIsDrawnAsItsBaseCharacterWithoutInvisibleScalars() {
        let family = CellGlyph("👨\u{200D}👩\u{200D}👧")
        XCTAssertEqual(text(family), "👨")
        XCTAssertEqual(family.width, 2)
        XCTAssertEqual(text(CellGlyph("\u{FEFF}")), " ")
    }

    func testCombiningMarksStayWithTheirBase() {
        XCTAssertEqual(text(CellGlyph("e\u{301}")), "e\u{301}")
        XCTAssertEqual(CellGlyph("e\u{301}").width, 1)
    }

    func testAWideCharacterCutByTheRightEdgeBecomesABlank() {
        var buffer = ScreenBuffer(columns: 4, rows: 1)
        buffer.draw("ab中", slot: .normal, row: 0, x: 0, width: 4)
        let glyphs = CellGlyph.glyphs(for: CellChange(row: 0, column: 2, width: 2), of: buffer, visibleColumns: 3)
        XCTAssertEqual(glyphs.map(\.0), [2])
        XCTAssertEqual(glyphs.map { text($0.1) }, [" "])
    }

    func testAWideCharacterCoversBothItsColumns() {
        var buffer = ScreenBuffer(columns: 4, rows: 1)
        buffer.draw("ab中", slot: .normal, row: 0, x: 0, width: 4)
        let glyphs = CellGlyph.glyphs(for: CellChange(row: 0, column: 2, width: 2), of: buffer, visibleColumns: 4)
        XCTAssertEqual(glyphs.map(\.0), [2])
        XCTAssertEqual(glyphs.map { text($0.1) }, ["中"])
    }

    func testAGlyphWiderThanItsCellShowsAsAQuestionMark() {
        var buffer = ScreenBuffer(columns: 2, rows: 1)
        buffer[0, 0] = Cell("中")
        let glyphs = CellGlyph.glyphs(for: CellChange(row: 0, column: 0, width: 1), of: buffer, visibleColumns: 2)
        XCTAssertEqual(glyphs.map { text($0.1) }, ["?"])
    }

    func testANarrowGlyphInAWideChangeGetsABlankBesideIt() {
        var buffer = ScreenBuffer(columns: 2, rows: 1)
        buffer[0, 0] = Cell("a")
        let glyphs = CellGlyph.glyphs(for: CellChange(row: 0, column: 0, width: 2), of: buffer, visibleColumns: 2)
        XCTAssertEqual(glyphs.map(\.0), [0, 1])
        XCTAssertEqual(glyphs.map { text($0.1) }, ["a", " "])
    }

    func testAContinuationWithoutItsWideCharacterIsABlank() {
        var buffer = ScreenBuffer(columns: 2, rows: 1)
        buffer[0, 1] = Cell("")
        let glyphs = CellGlyph.glyphs(for: CellChange(row: 0, column: 1, width: 1), of: buffer, visibleColumns: 2)
        XCTAssertEqual(glyphs.map { text($0.1) }, [" "])
    }
}
