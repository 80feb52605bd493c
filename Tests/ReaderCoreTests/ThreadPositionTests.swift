import BlogModel
import TextLayout
import XCTest

@testable import ReaderCore

/// Where the user left a post is kept when they leave it and restored when they come back;
/// within a session a resize or a sync keeps the same text and comment in view.
final class ThreadPositionTests: XCTestCase {
    private typealias F = ReaderFixtures

    /// 1 ── 2      3 ── 4
    private func makeComments(postID: Int64) -> [Comment] {
        [
            F.makeComment(1, postID: postID), F.makeComment(2, parent: 1, postID: postID),
            F.makeComment(3, postID: postID), F.makeComment(4, parent: 3, postID: postID),
        ]
    }

    /// Thirty paragraphs, each starting with its own word "ParaN", long enough to wrap.
    private let longText = RichText(
        blocks: (1...30).map { number in
            .paragraph([
                RichSpan(
                    "Para\(number) " + String(repeating: "words that wrap at any width of the pane ", count: 5))
            ])
        })

    /// The first line of the article showing, at its current width.
    private func topLine(_ state: AppState) -> String {
        guard let lines = state.article.laidOut?.lines, lines.indices.contains(state.article.scroll) else { return "" }
        return lines[state.article.scroll].text
    }

    /// The line the paragraph starting with `word` begins at, in `lines`.
    private func line(startingWith word: String, in lines: ArticleLines) -> Int {
        lines.lines.firstIndex { $0.text.hasPrefix(word + " ") }!
    }

    func testLeavingAPostKeepsItsSelectionAndFolds() {
        // Given post 10 open with its thread, comment 3 selected and folded
        var (state, _) = F.makeStartedState(total: 10)
        _ = reduce(&state, F.threadLoaded(postID: 10, makeComments(postID: 10)))
        state.focus = .thread
        F.press(&state, .character(")"), .character("z"))
        // When the user moves on to post 9
        state.focus = .posts
        let effects = F.press(&state, .character("j"))
        // Then the position is kept before the post is left
        XCTAssertEqual(
            effects,
            [
                .saveThreadPosition(ThreadPosition(postID: 10, selectedComment: "3", collapsed: ["3"])),
                .markCommentsSeen(postID: 10), .loadPost(postID: 9),
            ])
    }

    func testAKeptPositionRestoresSelectionAndFoldsWhenTheThreadArrives() {
        var (state, _) = F.makeStartedState(total: 10)
        F.press(&state, .character("j"))
        // When the cache answers the load of post 9 with a kept position first
        _ = reduce(&state, .positionLoaded(ThreadPosition(postID: 9, selectedComment: "4", collapsed: ["1"])))
        _ = reduce(&state, .postLoaded(F.makePost(9), longText))
        _ = reduce(&state, F.threadLoaded(postID: 9, makeComments(postID: 9)))
        // Then the thread opens with 1 folded and 4 selected
        XCTAssertEqual(F.visibleIDs(state), ["1", "3", "4"])
        XCTAssertEqual(F.selectedID(state), "4")
        XCTAssertEqual(state.currentThreadPosition()?.selectedComment, "4")
    }

    func testAPositionForAnotherPostIsIgnored() {
        var (state, _) = F.makeStartedState(total: 10)
        F.press(&state, .character("j"))
        _ = reduce(&state, .positionLoaded(ThreadPosition(postID: 5, selectedComment: "4")))
        _ = reduce(&state, F.threadLoaded(postID: 9, makeComments(postID: 9)))
        XCTAssertEqual(F.selectedID(state), "1")
    }

    func testAConversationsFocusWinsOverAKeptSelectionButKeepsItsFolds() {
        var (state, _) = F.makeStartedState(total: 10)
        F.press(&state, .character("C"))
        _ = reduce(
            &state,
            .conversationsLoaded([
                Conversation(
                    postID: 9, blogID: 1, blogTitle: "", title: "Post 9", newComments: 1, repliesToYou: 0,
                    lastCommentAt: nil, lastCommenter: "")
            ]))
        F.press(&state, .enter)
        _ = reduce(&state, .positionLoaded(ThreadPosition(postID: 9, selectedComment: "1", collapsed: ["1"])))
        var comments = makeComments(postID: 9)
        comments[3].isNew = true
        _ = reduce(&state, F.threadLoaded(postID: 9, comments))
        XCTAssertEqual(F.selectedID(state), "4")
        XCTAssertEqual(F.visibleIDs(state), ["1", "3", "4"])
    }

    func testASearchHitWinsOverAKeptPosition() {
        var (state, _) = F.makeStartedState(total: 10)
        F.press(&state, .character("/"))
        F.type(&state, "x")
        F.press(&state, .enter)
        _ = reduce(
            &state, .searchResults(query: "x", [SearchResultRow(postID: 9, commentID: 2, title: "Post 9", snippet: "")])
        )
        F.press(&state, .enter)
        _ = reduce(&state, .positionLoaded(ThreadPosition(postID: 9, selectedComment: "4")))
        _ = reduce(&state, F.threadLoaded(postID: 9, makeComments(postID: 9)))
        XCTAssertEqual(F.selectedID(state), "2")
    }

    func testAKeptArticleScrollIsRestoredAtTheSameWidth() {
        var (state, _) = F.makeStartedState(total: 10)
        let width = state.article.laidOut?.width ?? ReaderLayout(size: F.wide, focus: .article).articleTextWidth!
        F.press(&state, .character("j"))
        _ = reduce(&state, .positionLoaded(ThreadPosition(postID: 9, articleTopLine: 20, articleWidth: width)))
        _ = reduce(&state, .postLoaded(F.makePost(9), longText))
        XCTAssertEqual(state.article.scroll, 20)
    }

    func testAKeptArticleScrollTakenAtAnotherWidthShowsTheSameText() {
        var (state, _) = F.makeStartedState(total: 10)
        F.press(&state, .character("j"))
        // Given a position taken at 40 columns, on the line where paragraph 12 starts
        let narrow = ArticleLines(post: F.makePost(9), text: longText, width: 40)
        let kept = line(startingWith: "Para12", in: narrow)
        _ = reduce(&state, .positionLoaded(ThreadPosition(postID: 9, articleTopLine: kept, articleWidth: 40)))
        // When the post is laid out wider
        _ = reduce(&state, .postLoaded(F.makePost(9), longText))
        XCTAssertNotEqual(state.article.laidOut?.width, 40)
        // Then paragraph 12 is still at the top
        XCTAssertTrue(topLine(state).hasPrefix("Para12 "), topLine(state))
    }

    func testAResizeKeepsTheArticleAtTheSameText() {
        var (state, _) = F.makeStartedState(total: 10)
        _ = reduce(&state, .postLoaded(F.makePost(10), longText))
        let start = line(startingWith: "Para15", in: state.article.laidOut!)
        state.focus = .article
        state.scrollArticle(to: start)
        XCTAssertTrue(topLine(state).hasPrefix("Para15 "))
        // When the terminal narrows
        _ = reduce(&state, .input(.resize(columns: 90, rows: 40)))
        // Then the same paragraph is at the top, though at another line number
        XCTAssertNotEqual(state.article.scroll, start)
        XCTAssertTrue(topLine(state).hasPrefix("Para15 "), topLine(state))
    }

    func testAResizeKeepsTheThreadAtTheSameComment() {
        var state = F.makeThreadState((1...40).map { F.makeComment($0) })
        for _ in 0..<25 { F.press(&state, .character("j")) }
        XCTAssertEqual(F.selectedID(state), "26")
        _ = reduce(&state, .input(.resize(columns: 90, rows: 30)))
        XCTAssertEqual(F.selectedID(state), "26")
        XCTAssertTrue(state.threadViewport.rowAtLine.contains(state.thread.selectedRow))
    }

    func testASyncAddingCommentsAboveKeepsTheSelection() {
        var state = F.makeThreadState(makeComments(postID: 1))
        F.press(&state, .character("G"))
        XCTAssertEqual(F.selectedID(state), "4")
        // When a sync brings a reply earlier in the thread
        _ = reduce(&state, F.threadLoaded(postID: 1, [F.makeComment(0, isNew: true)] + makeComments(postID: 1)))
        XCTAssertEqual(F.visibleIDs(state), ["0", "1", "2", "3", "4"])
        XCTAssertEqual(F.selectedID(state), "4")
    }

    func testNoPositionIsKeptWhereAPostOpensAnyway() {
        var (state, _) = F.makeStartedState(total: 10)
        _ = reduce(&state, F.threadLoaded(postID: 10, makeComments(postID: 10)))
        XCTAssertNil(state.currentThreadPosition())
        // But coming back to the top of a post that had a kept position overwrites it
        F.press(&state, .character("j"))
        _ = reduce(&state, .positionLoaded(ThreadPosition(postID: 9, selectedComment: "3")))
        _ = reduce(&state, F.threadLoaded(postID: 9, makeComments(postID: 9)))
        state.focus = .thread
        F.press(&state, .character("g"))
        XCTAssertEqual(state.currentThreadPosition(), ThreadPosition(postID: 9, selectedComment: "1"))
    }
}
