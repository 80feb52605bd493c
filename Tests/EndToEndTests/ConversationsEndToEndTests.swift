import Foundation
import LecternTestSupport
import XCTest

/// Following a conversation on a real WordPress (Tests/WordPressSite), as a user would: comment
/// from the reader, someone replies on the site, one sync, then the conversations view.
final class ConversationsEndToEndTests: XCTestCase {
    private var site: WordPressSite!
    private var library: ReaderHarness!

    override func setUpWithError() throws {
        site = try WordPressSite.shared()
        try site.reset()
        library = try ReaderHarness()
        try library.writeAuthor(name: "Zoë Reader", email: "zoe@example.org")
    }

    override func tearDownWithError() throws {
        library?.remove()
    }

    func testAReplyToYouLeadsTheConversationsAndTheThreadKeepsItsPlace() throws {
        // Given the site's newest post with a comment that will get a reply, synced
        let post = try site.addPost(title: "Threads worth following")
        let early = try site.addComment(post: post.id, author: "Early Bird", content: "First thoughts here.")
        try library.lectern(["add", site.url("/").absoluteString])

        // When the user comments on it from the reader and sends the comment
        let editor = try library.editorWriting("My two cents on following threads.")
        var reader = try library.startReader(environment: ["EDITOR": editor, "VISUAL": ""])
        _ = try reader.waitFor("Threads worth following", timeout: 20)
        try reader.send(keys: "c")
        _ = try reader.waitFor("Draft saved", timeout: 10)
        try library.quit(reader)
        try library.lectern(["drafts", "queue", "--all"])
        try library.lectern(["drafts", "send"])
        let sent = try XCTUnwrap((library.json(["drafts"]) as? [[String: Any]])?.first)
        let mine = try XCTUnwrap(Int(try XCTUnwrap(sent["remote_comment_id"] as? String)))

        // And on the site someone replies to it, the post's author comments, someone answers the
        // early comment; then one sync
        try site.addComment(post: post.id, parent: mine, author: "Bob Replier", content: "Good point, Zoë.")
        try site.addComment(
            post: post.id, author: "The Author", content: "Thanks for reading, everyone.", user: WordPressSite.adminUser
        )
        try site.addComment(post: post.id, parent: early, author: "Carol", content: "Agreed with the early bird.")
        try library.lectern(["sync"])

        // Then the conversations view lists the thread with one reply to the user
        reader = try library.startReader()
        _ = try reader.waitFor("Threads worth following", timeout: 20)
        try reader.send(keys: "C")
        let list = try reader.waitFor("Conversations (1)", timeout: 10)
        XCTAssertTrue(
            list.contains { $0.contains("Threads worth following") && $0.contains("1 reply to you") },
            list.joined(separator: "\n"))

        // And Enter lands on the reply: muting the selected comment's author names Bob
        try reader.send(keys: "Enter")
        let thread = try reader.waitFor("Good point", without: "Conversations (", timeout: 10)
        let joined = thread.joined(separator: "\n")
        XCTAssertTrue(thread.contains { $0.contains("The Author (author)") }, joined)
        XCTAssertTrue(thread.contains { $0.contains("Bob Replier") && $0.contains("reply to you") }, joined)
        XCTAssertTrue(thread.contains { $0.contains("Zoë Reader") && $0.contains("you") }, joined)
        XCTAssertFalse(
            thread.contains { $0.contains("Zoë Reader") && $0.contains("new") }, "mine is no news: \(joined)")
        XCTAssertFalse(thread.contains { $0.contains("Early Bird") && $0.contains("(author)") }, joined)
        try reader.send(keys: "M")
        _ = try reader.waitFor("Mute Bob Replier", timeout: 5)
        try reader.send(keys: "y")
        let muted = try reader.waitFor("1 muted", timeout: 10)
        XCTAssertFalse(muted.contains { $0.contains("Good point") }, muted.joined(separator: "\n"))

        // When the user folds the early comment's replies, selects the author's comment and quits
        try reader.send(keys: "g")
        try reader.send(keys: "z")
        _ = try reader.waitFor("▸ 1 reply", timeout: 5)
        try reader.send(keys: "G")
        try library.quit(reader)

        // Then the next start opens the thread folded the same, at the same comment
        reader = try library.startReader()
        _ = try reader.waitFor("Threads worth following", timeout: 20)
        // The list comes first; the thread follows once its comments are read.
        let again = try reader.waitFor("▸ 1 reply", timeout: 10)
        XCTAssertFalse(again.contains { $0.contains("Agreed with the early bird") }, again.joined(separator: "\n"))
        try reader.send(keys: "Tab")
        try reader.send(keys: "Tab")
        try reader.send(keys: "M")
        _ = try reader.waitFor("Mute The Author", timeout: 5)
        try reader.send(keys: "n")
        try library.quit(reader)

        // And `lectern show` leaves Bob out, saying so
        let shown = try XCTUnwrap(
            library.json(["show", String(try localPostID(titled: "Threads worth following"))]) as? [String: Any])
        XCTAssertEqual(shown["muted"] as? Int, 1)
    }

    private func localPostID(titled title: String) throws -> Int {
        let posts = try XCTUnwrap(library.json(["posts"]) as? [[String: Any]])
        return try XCTUnwrap(posts.first { $0["title"] as? String == title }?["id"] as? Int)
    }
}
