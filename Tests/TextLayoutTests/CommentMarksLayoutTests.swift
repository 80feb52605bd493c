import BlogModel
import Foundation
import TextLayout
import XCTest

/// A comment's header says whose it is; a muted one shown is dim throughout.
final class CommentMarksLayoutTests: XCTestCase {
    private func header(_ marks: CommentMarks, isNew: Bool = false) -> [TextRun] {
        let comment = Comment(
            sourceID: "1", author: "Ann", published: Date(timeIntervalSince1970: 0), isNew: isNew, marks: marks)
        return ThreadLayout.headerRuns(comment, depth: 0, cap: 6, fold: .leaf)
    }

    func testThePostsAuthorIsNamedInItsOwnRole() {
        XCTAssertEqual(
            header(.postAuthor),
            [TextRun("Ann (author)", role: .commentPostAuthor), TextRun("  1970-01-01 00:00", role: .commentDate)])
    }

    func testTheUsersCommentsAndRepliesToThemAreLabelled() {
        XCTAssertEqual(TextLine(header(.mine, isNew: true)).text, "Ann  1970-01-01 00:00  you  new")
        XCTAssertEqual(TextLine(header(.replyToMe)).text, "Ann  1970-01-01 00:00  ↩ reply to you")
    }

    func testAMutedCommentIsLabelledAndNotNew() {
        XCTAssertEqual(TextLine(header(.muted, isNew: true)).text, "Ann  1970-01-01 00:00  muted")
    }

    func testAShownMutedCommentIsDimThroughout() {
        var comment = Comment(sourceID: "1", author: "Ann", marks: .muted)
        comment.contentHTML = ""
        let thread = CommentThread(comments: [comment])
        let input = ThreadViewport.Input(
            thread: thread, visibleRows: [0], selectedRow: 1,
            text: { _ in RichText(blocks: [.paragraph([RichSpan("Muted words")])]) })
        let view = ThreadViewport.compute(input, width: 40, height: 4)
        // Past the one-column gutter, the header and the text are all in the muted role
        let roles = Set(view.lines[0...1].flatMap { $0.runs.dropFirst() }.filter { !$0.text.isEmpty }.map(\.role))
        XCTAssertEqual(roles, [.commentMuted])
    }
}

/// An article position names its text, so another width shows the same words.
final class ArticleTextAnchorTests: XCTestCase {
    private let text = RichText(
        blocks: (1...12).map { number in
            .paragraph([RichSpan("P\(number) " + String(repeating: "some words to wrap here ", count: 6))])
        })

    func testALineMapsToTheLineShowingTheSameTextAtAnotherWidth() {
        let post = Post(sourceID: "1", title: "Title")
        let wide = ArticleLines(post: post, text: text, width: 70)
        let narrow = ArticleLines(post: post, text: text, width: 30)
        for number in [3, 7, 12] {
            let wideLine = wide.lines.firstIndex { $0.text.hasPrefix("P\(number) ") }!
            let narrowLine = narrow.lines.firstIndex { $0.text.hasPrefix("P\(number) ") }!
            XCTAssertEqual(narrow.line(showing: wideLine, of: wide), narrowLine)
            XCTAssertEqual(wide.line(showing: narrowLine, of: narrow), wideLine)
        }
        XCTAssertEqual(narrow.line(showing: 0, of: wide), 0)
        XCTAssertEqual(narrow.line(showing: 10_000, of: wide), narrow.lines.count - 1)
    }
}
