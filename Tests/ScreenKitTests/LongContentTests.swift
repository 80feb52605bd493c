import BlogModel
import Foundation
import ReaderCore
import ScreenKit
import XCTest

/// Long threads and long articles: navigation keeps the cursor on screen and reaches the end.
/// (Their speed is measured by `lectern-bench reader`, not here.)
final class LongContentTests: XCTestCase {
    let size = ScreenSize(columns: 120, rows: 40)

    func repeatedly(_ times: Int, _ body: () -> Void) {
        for _ in 0..<times { body() }
    }

    func testFiveThousandCommentThreadFollowsTheCursor() {
        // Given 5,000 comments with 60-word bodies, chains of seven, the cursor deep inside
        let comments = (0..<5000).map { index in
            Comment(
                id: Int64(index), sourceID: "\(index)", parentSourceID: index % 7 == 0 ? nil : "\(index - 1)",
                author: "user\(index)", published: Date(timeIntervalSince1970: Double(index)),
                contentHTML: String(repeating: "word ", count: 60))
        }
        var state = AppState(size: size)
        state.focus = .thread
        state.thread = ScreenFixtures.makeThread(comments: comments)
        state.thread.selectedRow = 4321
        // When each frame follows a j press, as the runner does
        repeatedly(20) {
            _ = reduce(&state, .input(.key(.character("j"))))
            _ = ScreenRenderer.render(state, size: size)
        }
        XCTAssertTrue(state.thread.scroll > 4000, "the top followed the cursor")
    }

    func testTwoThousandParagraphArticleScrollsToItsRealEnd() {
        // Given a 2,000-paragraph post laid out once
        let paragraph =
            "A long post keeps going, with some bold words in every paragraph, so the wrapper has work to do on each line of it."
        let text = RichText(
            blocks: (0..<2000).map { _ in .paragraph([RichSpan(paragraph), RichSpan(" bold", style: .bold)]) })
        var state = AppState(size: size)
        state.focus = .article
        state.article.post = Post(id: 1, sourceID: "1", title: "A very long post")
        state.article.text = text
        let layout = ReaderLayout(size: size, focus: .article)
        _ = reduce(&state, .input(.key(.character("j"))))
        let lines = state.article.laidOut!
        // When j is pressed and a frame drawn, many times
        repeatedly(50) {
            _ = reduce(&state, .input(.key(.character("j"))))
            XCTAssertEqual(state.article.laidOut, lines, "laid out once")
            _ = ScreenRenderer.render(state, size: size)
        }
        // And G reaches the real last screenful
        _ = reduce(&state, .input(.key(.character("G"))))
        XCTAssertEqual(state.article.scroll, lines.lines.count - state.visibleRows(of: .article))
        let buffer = ScreenRenderer.render(state, size: size)
        let lastRow = ReaderLayout(size: size, focus: .article).content(of: .article)!.maxY - 1
        let shown = (0..<layout.content(of: .article)!.width).map { buffer[lastRow, $0].text }.joined()
        XCTAssertEqual(
            shown.trimmingCharacters(in: .whitespaces), lines.lines.last!.text,
            "the article's last line is on the last row")
    }
}
