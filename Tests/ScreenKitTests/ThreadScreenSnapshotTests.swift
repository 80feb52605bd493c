import BlogModel
import Foundation
import ReaderCore
import ScreenKit
import XCTest

/// Frames of the thread with comment text inline, drafts in the thread and the draft list.
final class ThreadScreenSnapshotTests: XCTestCase {
    let day = Date(timeIntervalSince1970: 1_709_640_000)

    /// 1 Alice (CJK and hostile text) ─ 2 Bob* ─ 3 キャロル, a draft reply to Bob;
    /// 4 Dave with 5, 6* folded; 7 a pingback; a draft on the post.
    func makeState(size: ScreenSize) -> AppState {
        var state = ScreenFixtures.makeState(size: size)
        func comment(
            _ id: Int, _ parent: Int?, _ author: String, _ html: String, isNew: Bool = false,
            kind: Comment.Kind = .comment
        ) -> Comment {
            Comment(
                id: Int64(id), postID: 1, sourceID: "\(id)", parentSourceID: parent.map { "\($0)" }, author: author,
                published: day.addingTimeInterval(Double(id) * 60), contentHTML: html, kind: kind, isNew: isNew)
        }
        state.thread = ScreenFixtures.makeThread(comments: [
            comment(
                1, nil, "Alice",
                "<p>東京の写真がとても綺麗でした。次の旅行の参考にします！ Then some hostile bytes: \u{1B}[2J\u{1B}]52;c;aGk=\u{07} and \u{9B}31m with \u{202E}an RTL override.</p>"
            ),
            comment(
                2, 1, "Bob",
                "<p>Agreed — the second photo of the station at night is the best one in the whole post.</p>",
                isNew: true),
            comment(3, 2, "キャロル", "<p>深い返信です。</p>"),
            comment(4, nil, "Dave", "<p>A question about the camera.</p>"),
            comment(5, 4, "Erin", "<p>Fuji.</p>"),
            comment(6, 5, "Dave", "<p>Thanks!</p>", isNew: true),
            comment(7, nil, "example.org", "", kind: .pingback),
        ])
        state.thread.toggleCollapse(row: 3)
        state.thread.drafts = [
            Draft(
                id: 1, postID: 1, parentCommentID: 2, authorName: "Me",
                body: "Which lens was it?\nI would like to know.", state: .queued),
            Draft(id: 2, postID: 1, body: "A comment on the post itself, 下書き.", state: .draft),
        ]
        state.thread.selectedRow = 1
        state.focus = .thread
        return state
    }

    func testStacked120x40WithCommentTextInline() {
        let size = ScreenSize(columns: 120, rows: 40)
        let buffer = ScreenRenderer.render(makeState(size: size), size: size)
        ScreenFixtures.assertNoControls(buffer)
        assertSnapshot(buffer, named: "stacked-120x40-thread-inline")
    }

    func testDraftListOverlay() {
        let size = ScreenSize(columns: 100, rows: 24)
        var state = makeState(size: size)
        let updated = day.addingTimeInterval(3600)
        state.mode = .draftList(
            DraftListState(
                drafts: [
                    Draft(
                        id: 1, postID: 1, parentCommentID: 2, body: "Which lens was it?\nI would like to know.",
                        state: .queued, updated: updated),
                    Draft(
                        id: 2, postID: 1, body: "\n\nA comment on the post itself, 下書き.", state: .draft,
                        updated: updated),
                    Draft(
                        id: 3, postID: 42, body: "Evil \u{1B}[31m reply", state: .failed,
                        lastError: "HTTP 403 from example.org \u{1B}[5m", updated: updated),
                    Draft(
                        id: 4, postID: 1, body: "Sent already", state: .sent, remoteCommentID: "99", updated: updated),
                ],
                selected: 2, postTitles: [1: "日本語のタイトルと絵文字 👩‍👩‍👧‍👦 🇯🇵"]))
        let buffer = ScreenRenderer.render(state, size: size)
        ScreenFixtures.assertNoControls(buffer)
        assertSnapshot(buffer, named: "stacked-100x24-draft-list")
    }

    func testTheArticleReduceLaidOutDrawsTheSameFrame() {
        // A state made by hand is laid out in the frame; reduce's layout changes nothing.
        let size = ScreenSize(columns: 120, rows: 40)
        var state = makeState(size: size)
        let plain = ScreenRenderer.render(state, size: size)
        _ = reduce(&state, .message("Synced 2 blogs", isError: false))
        XCTAssertNotNil(state.article.laidOut)
        XCTAssertEqual(ScreenRenderer.render(state, size: size), plain)
    }

    func testASentReplyShowsUnderItsParentAsYoursUntilTheSyncBringsIt() {
        // Given the user's reply to Bob, sent and held by the blog for moderation
        let size = ScreenSize(columns: 120, rows: 40)
        var state = makeState(size: size)
        state.thread.drafts = [
            Draft(
                id: 5, postID: 1, parentCommentID: 2, authorName: "Zoë", body: "Thanks for the tip!", state: .sent,
                lastError: Draft.heldForModerationNote, remoteCommentID: "812")
        ]

        // When the screen is drawn
        var screen = screenLines(ScreenRenderer.render(state, size: size))

        // Then the reply is in Bob's subtree, after キャロル's reply and before Dave, marked as
        // the user's and awaiting moderation, and counted as a comment
        let header = screen.firstIndex { $0.contains("└─ ✓ Zoë · yours, awaiting moderation") }
        let carol = screen.firstIndex { $0.contains("├─ キャロル") }
        let dave = screen.firstIndex { $0.contains("Dave  2024") }
        XCTAssertNotNil(header, screen.joined(separator: "\n"))
        XCTAssertLessThan(carol ?? .max, header ?? -1)
        XCTAssertLessThan(header ?? .max, dave ?? -1)
        XCTAssertTrue(screen[(header ?? 0) + 1].contains("   Thanks for the tip!"))
        XCTAssertTrue(screen.contains { $0.contains("8 comments, 2 new ━") })

        // When the sync brings comment 812 under Bob
        var comments = state.thread.thread.comments
        comments.append(
            Comment(
                id: 8, postID: 1, sourceID: "812", parentSourceID: "2", author: "Zoë",
                published: day.addingTimeInterval(600),
                contentHTML: "<p>Thanks for the tip!</p>"))
        state.thread.replaceComments(comments, texts: comments.map(ScreenFixtures.bareText))
        screen = screenLines(ScreenRenderer.render(state, size: size))

        // Then the synced comment has taken its place: the text shows once, nothing awaits moderation
        XCTAssertFalse(screen.contains { $0.contains("awaiting moderation") })
        XCTAssertEqual(screen.filter { $0.contains("Thanks for the tip!") }.count, 1)
        XCTAssertTrue(screen.contains { $0.contains("└─ Zoë  2024") })
    }

    /// The buffer's rows as text.
    private func screenLines(_ buffer: ScreenBuffer) -> [String] {
        snapshotText(buffer).components(separatedBy: "\n---\n")[0].components(separatedBy: "\n")
    }

    func testHelpListsTheDraftListKeys() {
        let lines = HelpRenderer.lines(keyMap: .standard, width: 76).map(\.text)
        for expected in ["Draft list: delete the selected draft", "Draft list: send the queued drafts now"] {
            XCTAssertTrue(lines.contains { $0.contains(expected) }, expected)
        }
    }
}
