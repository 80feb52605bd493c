import BlogModel
import Foundation
import ReaderCore
import ScreenKit
import TextLayout
import XCTest

/// ZWJ sequences and scalars that draw nothing (ZWJ, ZWNJ, U+200B, U+2060, U+FEFF,
/// variation selectors): drawn as their base with the cluster's width, never sent on.
final class InvisibleScalarTests: XCTestCase {
    private let sample = "fam:👨‍👩‍👧|bom:a\u{FEFF}b|zwsp:c\u{200B}d|zwnj:e\u{200C}f|wj:g\u{2060}h|heart:❤\u{FE0F}|end"
    private let shown = "fam:👨|bom:ab|zwsp:cd|zwnj:ef|wj:gh|heart:❤ |end"

    private func invisibleScalars(in buffer: ScreenBuffer) -> [String] {
        buffer.cells.flatMap { cell in
            cell.text.unicodeScalars.filter(DisplayWidth.isInvisible).map {
                "U+" + String($0.value, radix: 16, uppercase: true)
            }
        }
    }

    func testAFamilyEmojiIsItsFirstFaceInTwoColumnsAndInvisibleScalarsTakeNoColumn() {
        // Given a line holding a ZWJ family, a BOM, zero-width spaces and joiners and a VS16 heart
        var buffer = ScreenBuffer(columns: 60, rows: 1)

        // When it is drawn
        buffer.draw(sample, slot: .normal, row: 0, x: 0, width: 60)

        // Then the family is one face over two columns, the rest closes up without gaps,
        // and the heart (drawn without its selector) keeps the two columns it was measured with
        XCTAssertEqual(screenLines(buffer), [shown + String(repeating: " ", count: 60 - DisplayWidth.width(of: shown))])
        XCTAssertEqual(buffer[0, 4], Cell("👨"))
        XCTAssertTrue(buffer[0, 5].isContinuation)
        XCTAssertEqual(buffer[0, 6], Cell("|"))
        XCTAssertEqual(DisplayWidth.width(of: sample), DisplayWidth.width(of: shown))
        // And no cell holds a scalar that draws nothing
        XCTAssertEqual(invisibleScalars(in: buffer), [])
    }

    func testWrappedTextKeepsTheFamilyWholeAndMeasuresInvisibleScalarsAsNothing() {
        // Given the sample wrapped to 10 columns, When it is drawn line by line
        let lines = TextWrapper.wrap("ab\u{FEFF}cdefgh 👨‍👩‍👧xyz", width: 10)
        var buffer = ScreenBuffer(columns: 10, rows: lines.count)
        buffer.draw(lines.map(StyledLine.init), from: 0, in: Rect(x: 0, y: 0, width: 10, height: lines.count))

        // Then the BOM took no column and the family no more than two
        XCTAssertEqual(screenLines(buffer), ["abcdefgh  ", "👨xyz     "])
        XCTAssertEqual(invisibleScalars(in: buffer), [])
    }

    func testEveryPaneDrawsZeroWidthCharactersAsNothingAndZWJSequencesAsTheirBase() {
        // Given a post, its blog, its article, a comment and the status line all carrying the sample
        let size = ScreenSize(columns: 120, rows: 40)
        var state = ScreenFixtures.makeState(size: size)
        let day = Date(timeIntervalSince1970: 1_709_640_000)
        state.posts.window[0] = PostSummary(
            id: 1, blogID: 1, blogTitle: "blog\u{FEFF}\u{200B}", title: "title " + sample, author: "a\u{200D}b",
            published: day, commentCount: 1)
        state.article.post = Post(id: 1, sourceID: "1", title: "title " + sample, author: "a\u{FEFF}", published: day)
        state.article.text = RichText(blocks: [.paragraph([RichSpan("body " + sample)])])
        state.thread = ScreenFixtures.makeThread(comments: [
            Comment(
                id: 1, sourceID: "1", author: "who\u{200C}\u{FEFF}", published: day, contentHTML: "comment " + sample)
        ])
        state.status = StatusMessage("status " + sample)

        for mode in [Mode.normal, .search(SearchState(query: sample))] {
            state.mode = mode
            // When the whole frame is drawn
            let buffer = ScreenRenderer.render(state, size: size)

            // Then no cell of any pane holds an invisible scalar
            XCTAssertEqual(invisibleScalars(in: buffer), [], "\(mode)")
            let lines = screenLines(buffer)
            // And wherever the sample shows, it shows closed up, the family as one face
            for label in ["title ", "body ", "comment ", "status "] {
                XCTAssertTrue(
                    lines.contains { $0.contains(label + "fam:👨|bom:ab|") },
                    "\(label) in \(mode):\n" + lines.joined(separator: "\n"))
            }
            XCTAssertEqual(wideCharactersAreWhole(buffer), [])
        }
    }
}
