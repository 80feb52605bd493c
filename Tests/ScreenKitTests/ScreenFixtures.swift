import BlogModel
import Foundation
import ReaderCore
import ScreenKit
import XCTest

/// The reader state the golden frames draw: wide characters, emoji and hostile text everywhere.
enum ScreenFixtures {
    static func makeState(size: ScreenSize) -> AppState {
        var state = AppState(size: size)
        let day = Date(timeIntervalSince1970: 1_709_640_000)
        state.posts.window = [
            PostSummary(
                id: 1, blogID: 1, blogTitle: "東京ブログ", title: "日本語のタイトルと絵文字 👩‍👩‍👧‍👦 🇯🇵", author: "山田", published: day,
                commentCount: 12, newCommentCount: 3),
            PostSummary(
                id: 2, blogID: 2, blogTitle: "Evil\u{1B}]52;c;aGk=\u{07}",
                title: "Hostile \u{1B}[2J title \u{9B}31m with \u{202E}RTL override", author: "Mallory", published: day,
                commentCount: 4, unread: false),
            PostSummary(id: 3, blogID: 1, title: "Cafe\u{301} crème — combining marks", author: "Zoë", published: day),
            PostSummary(
                id: 4, blogID: 2, title: "שלום עולם — Hebrew and العربية", author: "Dana", published: day,
                commentCount: 1),
        ]
        state.posts.total = 4
        state.posts.unreadTotal = 3
        state.article.post = Post(
            id: 1, sourceID: "1", title: "日本語のタイトルと絵文字 👩‍👩‍👧‍👦 🇯🇵", author: "山田", published: day, categories: ["Travel", "写真"])
        state.article.text = RichText(
            blocks: [
                .paragraph([
                    RichSpan("Hello "), RichSpan("world", style: .bold), RichSpan(" — see "),
                    RichSpan("the site", style: .link, link: 0), RichSpan(". 東京は大きな都市です。"),
                ]),
                .list(
                    ordered: false,
                    items: [
                        [.paragraph([RichSpan("Flags 🇫🇷 and thumbs 👍🏽")])],
                        [.paragraph([RichSpan("Escape \u{1B}[31mred\u{1B}[0m")])],
                    ]),
                .quote([.paragraph([RichSpan("Quoted wisdom", style: .italic)])]),
            ],
            links: ["https://example.com/\u{1B}]52;c;evil\u{07}"])
        state.thread = makeThread(comments: [
            Comment(id: 1, sourceID: "1", author: "Alice", published: day, contentHTML: "<p>First! 😀</p>"),
            Comment(
                id: 2, sourceID: "2", parentSourceID: "1", author: "Bob \u{1B}[5m",
                published: day.addingTimeInterval(60), contentHTML: "Reply", isNew: true),
            Comment(
                id: 3, sourceID: "3", parentSourceID: "2", author: "キャロル", published: day.addingTimeInterval(120),
                contentHTML: "深い返信"),
            Comment(
                id: 4, sourceID: "4", author: "example.org", published: day.addingTimeInterval(180), kind: .pingback),
        ])
        state.status = StatusMessage("Synced 2 blogs")
        return state
    }

    /// A comment's HTML reduced to one paragraph of its text: the texts the frames draw.
    static func bareText(_ comment: Comment) -> RichText {
        var text = ""
        var inTag = false
        for character in comment.contentHTML {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        return RichText(blocks: [.paragraph([RichSpan(text)])])
    }

    /// The thread of post `postID` with `comments`, each comment's text made by `text`.
    static func makeThread(
        postID: Int64 = 1, comments: [Comment], text: (Comment) -> RichText = bareText
    ) -> ThreadState {
        ThreadState(postID: postID, comments: comments, texts: comments.map(text))
    }

    static func assertNoControls(_ buffer: ScreenBuffer, file: StaticString = #filePath, line: UInt = #line) {
        for cell in buffer.cells {
            XCTAssertFalse(
                cell.text.unicodeScalars.contains(where: TerminalSafeText.needsReplacement), "control in cell \(cell)",
                file: file, line: line)
        }
    }
}
