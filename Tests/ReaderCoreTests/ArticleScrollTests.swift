import BlogModel
import XCTest

@testable import ReaderCore

/// Reduce lays the open article out once, at its pane's width, and scrolls it to its real end.
final class ArticleScrollTests: XCTestCase {
    private typealias F = ReaderFixtures

    /// A post of `paragraphs` paragraphs, a line or two each in the article pane.
    private func makeText(_ paragraphs: Int) -> RichText {
        RichText(
            blocks: (1...paragraphs).map { .paragraph([RichSpan("Paragraph \($0) says a few words about the post.")]) })
    }

    func testTheLaidOutArticleBoundsScrollingExactly() throws {
        var (state, _) = F.makeStartedState()
        _ = reduce(&state, .postLoaded(F.makePost(10), makeText(150)))
        state.focus = .article
        // When the post arrives, Then it is laid out at the pane's text width, to its real length
        let laidOut = try XCTUnwrap(state.article.laidOut)
        XCTAssertEqual(laidOut.width, state.layout.articleTextWidth)
        XCTAssertGreaterThan(laidOut.lines.count, 300)
        // Then G goes to the real end: the last screenful
        F.press(&state, .character("G"))
        XCTAssertEqual(state.article.scroll, laidOut.lines.count - state.visibleRows(of: .article))
        // And keys scroll the same layout, not a new one
        F.press(&state, .character("k"), .character("g"), .character("j"))
        XCTAssertEqual(state.article.laidOut, laidOut)
        // And a new text for the post replaces it
        let edited = RichText(blocks: [.paragraph([RichSpan("edited")])])
        _ = reduce(&state, .postLoaded(F.makePost(10), edited))
        XCTAssertEqual(state.article.laidOut?.text, edited)
    }

    func testAShortArticleDoesNotScroll() {
        var (state, _) = F.makeStartedState()
        _ = reduce(&state, .postLoaded(F.makePost(10), RichText(blocks: [.paragraph([RichSpan("short")])])))
        state.focus = .article
        F.press(&state, .character("G"))
        XCTAssertEqual(state.article.scroll, 0, "a one-line text does not scroll")
    }

    func testAResizeLaysTheArticleOutAtTheNewWidth() throws {
        var (state, _) = F.makeStartedState()
        _ = reduce(&state, .postLoaded(F.makePost(10), makeText(150)))
        let wide = try XCTUnwrap(state.article.laidOut)
        // When the terminal narrows, Then the article is laid out again at the new width
        _ = reduce(&state, .input(.resize(columns: 90, rows: 30)))
        let narrow = try XCTUnwrap(state.article.laidOut)
        XCTAssertEqual(narrow.width, state.layout.articleTextWidth)
        XCTAssertLessThan(narrow.width, wide.width)
        XCTAssertGreaterThan(narrow.lines.count, wide.lines.count)
    }
}
