import BlogModel
import Foundation
import TextLayout
import XCTest

final class ThreadLayoutTests: XCTestCase {
    func testThreadGuidesCapIndentationAndShowDepth() {
        var comments: [Comment] = []
        for index in 0..<10 {
            comments.append(
                Comment(
                    sourceID: "\(index)", parentSourceID: index == 0 ? nil : "\(index - 1)", author: "u\(index)",
                    published: Date(timeIntervalSince1970: Double(index) * 60)))
        }
        comments.append(
            Comment(sourceID: "x", parentSourceID: "0", author: "sib", published: Date(timeIntervalSince1970: 99_999)))
        let thread = CommentThread(comments: comments)
        // Laid out whole in a pane of 60 columns beside its one-column gutter, u9 selected
        let input = ThreadViewport.Input(
            thread: thread, visibleRows: Array(thread.rows.indices), selectedRow: 9,
            text: { _ in RichText(blocks: [.paragraph([RichSpan("hi")])]) })
        let view = ThreadViewport.compute(input, width: 61, height: 100)
        let end = view.rowAtLine.lastIndex { $0 != nil }!
        let text = view.lines[...end].map { String($0.text.dropFirst()) }
        XCTAssertEqual(text[0], "▾ u0  1970-01-01 00:00")
        XCTAssertEqual(text[1], "hi")
        // A guide line joins a comment to its reply
        XCTAssertEqual(text[2], "│")
        XCTAssertEqual(text[3], "├─ ▾ u1  1970-01-01 00:01")
        XCTAssertTrue(text.contains("│              └─ ⟨7⟩ ▾ u7  1970-01-01 00:07"), text.joined(separator: "\n"))
        XCTAssertEqual(text.last, "   hi")
        let plain = ThreadLayout.plainText(thread: thread, width: 60) { _ in
            RichText(blocks: [.paragraph([RichSpan("hi")])])
        }
        XCTAssertTrue(plain.hasPrefix("u0  1970-01-01 00:00\nhi\n\n  u1"), plain)
    }

    func testPrintedThreadMarksTheUsersSentComment() {
        // Given a comment and the user's reply the blog holds for moderation
        let thread = CommentThread(comments: [
            Comment(id: 1, sourceID: "1", author: "Bea", published: Date(timeIntervalSince1970: 0)),
            Comment(
                id: -5, sourceID: "100", parentSourceID: "1", author: "Ann", published: Date(timeIntervalSince1970: 60),
                status: .pending),
        ])
        // When it is printed as `lectern show` does
        let plain = ThreadLayout.plainText(
            thread: thread, width: 60,
            note: { thread.comment(at: $0).id < 0 ? ThreadLayout.sentNote(awaitingModeration: true) : nil },
            text: { _ in RichText(blocks: [.paragraph([RichSpan("hi")])]) })
        // Then the reply sits under its parent, marked as the user's and awaiting moderation
        XCTAssertEqual(plain, "Bea  1970-01-01 00:00\nhi\n\n  Ann  1970-01-01 00:01  yours, awaiting moderation\n  hi")
    }

    func testAFoldedHeaderCountsRepliesNewCommentsAndDrafts() {
        let comment = Comment(sourceID: "1", author: "Ann", published: Date(timeIntervalSince1970: 0))
        func header(_ fold: ThreadLayout.Fold) -> String {
            ThreadLayout.headerRuns(comment, depth: 0, cap: 6, fold: fold).map(\.text).joined()
        }
        XCTAssertTrue(header(.collapsed(replies: 1, new: 0)).hasSuffix("▸ 1 reply"))
        XCTAssertTrue(header(.collapsed(replies: 12, new: 3, drafts: 1)).hasSuffix("▸ 12 replies, 3 new, 1 draft"))
        XCTAssertTrue(header(.collapsed(replies: 2, new: 0, drafts: 2)).hasSuffix("▸ 2 replies, 2 drafts"))
    }
}
