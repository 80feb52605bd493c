import BlogModel
import Foundation
import ReaderCore
import ScreenKit
import XCTest

final class ScreenSnapshotTests: XCTestCase {
    func makeState(size: ScreenSize) -> AppState {
        var state = AppState(size: size)
        let day = Date(timeIntervalSince1970: 1_709_640_000)
        state.posts.window = [
            PostSummary(id: 1, blogID: 1, blogTitle: "東京ブログ", title: "日本語のタイトルと絵文字 👩‍👩‍👧‍👦 🇯🇵", author: "山田", published: day, commentCount: 12, newCommentCount: 3),
            PostSummary(id: 2, blogID: 2, blogTitle: "Evil\u{1B}]52;c;aGk=\u{07}", title: "Hostile \u{1B}[2J title \u{9B}31m with \u{202E}RTL override", author: "Mallory", published: day, commentCount: 4, unread: false),
            PostSummary(id: 3, blogID: 1, title: "Cafe\u{301} crème — combining marks", author: "Zoë", published: day),
            PostSummary(id: 4, blogID: 2, title: "שלום עולם — Hebrew and العربية", author: "Dana", published: day, commentCount: 1),
        ]
        state.posts.total = 4
        state.posts.unreadTotal = 3
        state.article.post = Post(id: 1, sourceID: "1", title: "日本語のタイトルと絵文字 👩‍👩‍👧‍👦 🇯🇵", author: "山田", published: day, categories: ["Travel", "写真"])
        state.article.text = RichText(
            blocks: [
                .paragraph([RichSpan("Hello "), RichSpan("world", style: .bold), RichSpan(" — see "), RichSpan("the site", style: .link, link: 0), RichSpan(". 東京は大きな都市です。")]),
                .list(ordered: false, items: [[.paragraph([RichSpan("Flags 🇫🇷 and thumbs 👍🏽")])], [.paragraph([RichSpan("Escape \u{1B}[31mred\u{1B}[0m")])]]),
                .quote([.paragraph([RichSpan("Quoted wisdom", style: .italic)])]),
            ],
            links: ["https://example.com/\u{1B}]52;c;evil\u{07}"])
        state.thread = ThreadState(postID: 1, comments: [
            Comment(id: 1, sourceID: "1", author: "Alice", published: day, contentHTML: "<p>First! 😀</p>"),
            Comment(id: 2, sourceID: "2", parentSourceID: "1", author: "Bob \u{1B}[5m", published: day.addingTimeInterval(60), contentHTML: "Reply", isNew: true),
            Comment(id: 3, sourceID: "3", parentSourceID: "2", author: "キャロル", published: day.addingTimeInterval(120), contentHTML: "深い返信"),
            Comment(id: 4, sourceID: "4", author: "example.org", published: day.addingTimeInterval(180), kind: .pingback),
        ])
        state.status = StatusMessage("Synced 2 blogs")
        return state
    }

    func assertNoControls(_ buffer: ScreenBuffer, file: StaticString = #filePath, line: UInt = #line) {
        for cell in buffer.cells {
            XCTAssertFalse(cell.text.unicodeScalars.contains(where: TerminalSafeText.needsReplacement), "control in cell \(cell)", file: file, line: line)
        }
    }

    func testStacked80x24() {
        let buffer = ScreenRenderer.render(makeState(size: ScreenSize(columns: 80, rows: 24)), size: ScreenSize(columns: 80, rows: 24))
        assertNoControls(buffer)
        assertSnapshot(buffer, named: "stacked-80x24")
    }

    func testStacked120x40WithThreadFocused() {
        var state = makeState(size: ScreenSize(columns: 120, rows: 40))
        state.focus = .thread
        state.thread.selectedRow = 1
        let buffer = ScreenRenderer.render(state, size: ScreenSize(columns: 120, rows: 40))
        assertNoControls(buffer)
        assertSnapshot(buffer, named: "stacked-120x40-thread")
    }

    func testSinglePane60x20WithHelp() {
        var state = makeState(size: ScreenSize(columns: 60, rows: 20))
        state.mode = .help(scroll: 0)
        let buffer = ScreenRenderer.render(state, size: ScreenSize(columns: 60, rows: 20))
        assertNoControls(buffer)
        assertSnapshot(buffer, named: "single-60x20-help")
    }

    func testFrameWithFiveThousandCommentsIsFast() {
        let comments = (0..<5000).map { index in
            Comment(id: Int64(index), sourceID: "\(index)", parentSourceID: index % 7 == 0 ? nil : "\(index - 1)", author: "user\(index)", published: Date(timeIntervalSince1970: Double(index)), contentHTML: String(repeating: "word ", count: 60))
        }
        var state = makeState(size: ScreenSize(columns: 120, rows: 40))
        state.thread = ThreadState(postID: 1, comments: comments)
        state.thread.selectedRow = 2500
        state.thread.scroll = 2490
        let size = ScreenSize(columns: 120, rows: 40)
        _ = ScreenRenderer.render(state, size: size)
        let start = Date()
        for _ in 0..<10 { _ = ScreenRenderer.render(state, size: size) }
        let perFrame = Date().timeIntervalSince(start) / 10
        print("frame with 5,000 comments: \(perFrame * 1000) ms")
        XCTAssertLessThan(perFrame, 0.05, "debug build budget; release is the 5 ms target")
    }
}
