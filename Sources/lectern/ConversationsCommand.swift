import ArgumentParser
import BlogModel
import BlogStore
import Foundation

/// `lectern conversations [--json]`: the watched threads with comments you have not seen,
/// replies to you first, then the newest activity, as the reader's conversations view lists them.
struct ConversationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conversations",
        abstract: "List watched threads with new comments, replies to you first.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let store = try global.openStore()
        let conversations = try store.conversations(identity: try global.identity())
        if json {
            try JSONOutput.print(conversations.map(Self.json))
            return
        }
        if conversations.isEmpty {
            print("no watched thread has new comments (`lectern watch POST` watches one)")
            return
        }
        for item in conversations {
            var counts = "\(item.newComments) new"
            if item.repliesToYou > 0 {
                counts += ", \(item.repliesToYou) repl\(item.repliesToYou == 1 ? "y" : "ies") to you"
            }
            let when = ISODate.string(item.lastCommentAt).map { " at \($0)" } ?? ""
            print(
                TerminalSafeText.sanitize(
                    "\(item.postID)\t\(item.title) — \(item.blogTitle) (\(counts); last: \(item.lastCommenter)\(when))")
            )
        }
    }

    static func json(_ item: Conversation) -> [String: Any] {
        [
            "post_id": item.postID, "blog_id": item.blogID, "blog": TerminalSafeText.sanitize(item.blogTitle),
            "title": TerminalSafeText.sanitize(item.title), "new_comments": item.newComments,
            "replies_to_you": item.repliesToYou,
            "last_comment_at": JSONOutput.orNull(ISODate.string(item.lastCommentAt)),
            "last_commenter": TerminalSafeText.sanitize(item.lastCommenter),
        ]
    }
}
