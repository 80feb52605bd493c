import BlogModel
import Foundation
import ReaderCore
import ScreenKit
import XCTest

/// What the screen shows of watching, conversations, comment marks and muting.
final class ConversationScreenTests: XCTestCase {
    private let size = ScreenSize(columns: 120, rows: 40)
    private let day = Date(timeIntervalSince1970: 1_709_640_000)

    private func screen(_ state: AppState) -> [String] {
        screenLines(ScreenRenderer.render(state, size: size))
    }

    private func comment(_ id: Int, _ parent: Int? = nil, _ author: String, marks: CommentMarks = []) -> Comment {
        Comment(
            id: Int64(id), postID: 1, sourceID: "\(id)", parentSourceID: parent.map { "\($0)" }, author: author,
            published: day.addingTimeInterval(Double(id) * 60), contentHTML: "<p>Text of \(id)</p>", isNew: true,
            marks: marks)
    }

    /// The reader with the thread of post 1 focused: the post's author, the user, a reply to
    /// the user, and a muted commenter with a reply under them.
    private func makeThreadState() -> AppState {
        var state = ScreenFixtures.makeState(size: size)
        state.status = nil
        state.thread = ScreenFixtures.makeThread(comments: [
            comment(1, nil, "Hana", marks: .postAuthor), comment(2, 1, "Me", marks: .mine),
            comment(3, 2, "Ola", marks: .replyToMe), comment(4, nil, "Troll", marks: .muted),
            comment(5, 4, "Feeder", marks: .muted),
        ])
        // The selected comment's header is highlighted: select one whose slots are not looked at.
        state.thread.selectedRow = 1
        state.focus = .thread
        return state
    }

    /// The cells of the first occurrence of `text` on screen, with the row they are on.
    private func cells(of text: String, in buffer: ScreenBuffer) -> [Cell]? {
        for row in 0..<buffer.rows {
            let cells = (0..<buffer.columns).map { buffer[row, $0] }.filter { !$0.isContinuation }
            let line = cells.map(\.text).joined()
            guard let range = line.range(of: text) else { continue }
            let start = line.distance(from: line.startIndex, to: range.lowerBound)
            return Array(cells[start..<(start + text.count)])
        }
        return nil
    }

    func testThePostListMarksWatchedPosts() {
        var state = ScreenFixtures.makeState(size: size)
        state.posts.window[2].watched = true
        let lines = screen(state)
        XCTAssertTrue(lines[3].hasPrefix("● ◉ 2024-03-05  Café crème"), lines[3])
        XCTAssertTrue(lines[4].hasPrefix("●   2024-03-05  שלום"), lines[4])
    }

    func testTheConversationsOverlayListsRowsInOrder() {
        var state = ScreenFixtures.makeState(size: size)
        state.mode = .conversations(
            ConversationListState(rows: [
                Conversation(
                    postID: 3, blogID: 1, blogTitle: "Blog A", title: "Replies here", newComments: 3, repliesToYou: 2,
                    lastCommentAt: day, lastCommenter: "Ola"),
                Conversation(
                    postID: 4, blogID: 2, blogTitle: "Blog B", title: "Busy \u{1B}[2J thread", newComments: 7,
                    repliesToYou: 0, lastCommentAt: nil, lastCommenter: "Ann"),
            ]))
        let text = screen(state).joined(separator: "\n")
        XCTAssertTrue(text.contains("Conversations (2)"), text)
        let first = text.range(of: "Replies here · Blog A")
        let second = text.range(of: "Busy ␛[2J thread · Blog B")
        XCTAssertNotNil(first, text)
        XCTAssertNotNil(second, text)
        if let first, let second { XCTAssertLessThan(first.lowerBound, second.lowerBound) }
        XCTAssertTrue(text.contains("3 new · 2 replies to you  Ola 2024-03-05 12:00"), text)
        XCTAssertTrue(text.contains("7 new  Ann"), text)
        XCTAssertFalse(text.contains("0 replies"), text)
        XCTAssertTrue(text.contains("Enter open · m mark seen · q close"), text)
    }

    func testAnEmptyConversationsListNamesTheWatchKey() throws {
        var state = ScreenFixtures.makeState(size: size)
        state.keyMap = try KeyMap(overrides: ["watch": ["W"]])
        state.mode = .conversations(ConversationListState())
        XCTAssertTrue(
            screen(state).joined().contains("No new comments in watched threads. W on a post watches it."))
    }

    func testTheStatusLineCountsRepliesToTheUser() {
        var state = ScreenFixtures.makeState(size: size)
        state.status = nil
        XCTAssertFalse(screen(state).last!.contains("to you"))
        state.newRepliesToYou = 2
        XCTAssertTrue(screen(state).last!.contains("2 replies to you · C"), screen(state).last!)
    }

    func testCommentHeadersShowWhoIsWho() {
        let buffer = ScreenRenderer.render(makeThreadState(), size: size)
        let text = screenLines(buffer).joined(separator: "\n")
        XCTAssertTrue(text.contains("Hana (author)  2024-03-05 12:01  new"), text)
        XCTAssertTrue(text.contains("Me  2024-03-05 12:02  you  new"), text)
        XCTAssertTrue(text.contains("Ola  2024-03-05 12:03  ↩ reply to you  new"), text)
        // The post's author is drawn in a slot of its own
        XCTAssertEqual(
            cells(of: "Hana (author)", in: buffer)?.map(\.slot), Array(repeating: .commentPostAuthor, count: 13))
        XCTAssertEqual(cells(of: "Ola", in: buffer)?.map(\.slot), [.commentAuthor, .commentAuthor, .commentAuthor])
    }

    func testMutedCommentsAreNotDrawnButCounted() {
        let text = screen(makeThreadState()).joined(separator: "\n")
        XCTAssertFalse(text.contains("Troll"), text)
        XCTAssertFalse(text.contains("Feeder"), text)
        XCTAssertTrue(text.contains("3 comments, 3 new, 2 muted"), text)
        // The note heads the pane, above the first comment
        let lines = text.components(separatedBy: "\n")
        let note = lines.firstIndex { $0.contains("2 muted — V shows them") }
        let first = lines.firstIndex { $0.contains("Hana (author)") }
        XCTAssertNotNil(note, text)
        if let note, let first { XCTAssertEqual(note + 1, first) }
    }

    func testShownMutedCommentsAreDim() {
        var state = makeThreadState()
        _ = reduce(&state, .input(.key(.character("V"))))
        let buffer = ScreenRenderer.render(state, size: size)
        let text = screenLines(buffer).joined(separator: "\n")
        XCTAssertTrue(text.contains("Troll  2024-03-05 12:04  muted"), text)
        XCTAssertTrue(text.contains("2 muted shown — V hides them"), text)
        XCTAssertEqual(Set(cells(of: "Troll  2024-03-05 12:04  muted", in: buffer)?.map(\.slot) ?? []), [.commentMuted])
        XCTAssertEqual(Set(cells(of: "Text of 5", in: buffer)?.map(\.slot) ?? []), [.commentMuted])
    }

    func testEveryThemeStylesTheNewSlots() {
        for theme in [Theme.builtInDefault, Theme.builtInMono] {
            XCTAssertNotNil(theme.styles[.commentPostAuthor], theme.name)
            XCTAssertNotNil(theme.styles[.commentMuted], theme.name)
            XCTAssertNotEqual(theme.styles[.commentPostAuthor], theme.styles[.commentAuthor], theme.name)
        }
    }
}
