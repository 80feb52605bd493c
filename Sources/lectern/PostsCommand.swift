import ArgumentParser
import BlogModel
import BlogStore
import Foundation

struct PostsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "posts", abstract: "List posts, newest first.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only posts of this blog (its id from `lectern blogs`).")
    var blog: Int64?

    @Option(help: "Only posts filed under this category.")
    var category: String?

    @Option(help: "Only posts with this tag.")
    var tag: String?

    @Option(help: "Only posts by this author.")
    var author: String?

    @Option(help: "Only posts whose title, text or comments match.")
    var search: String?

    @Flag(help: "Only unread posts.")
    var unread = false

    @Flag(help: "Only posts whose comments you watch (`lectern watch`, or commented on).")
    var watched = false

    @Option(help: "At most this many posts, newest first (default: 50 listed; every selected post marked read).")
    var limit: Int?

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Mark the selected posts read and print how many, instead of listing them.")
    var markRead = false

    func run() throws {
        let store = try global.openStore()
        let filter = PostFilter(
            blogID: blog, category: category, tag: tag, author: author, unreadOnly: unread,
            searchText: search, watchedOnly: watched)
        if markRead {
            try Self.markRead(filter, limit: limit.map { max(0, $0) }, store: store, json: json)
            return
        }
        let posts = try store.postWindow(filter, after: nil, limit: max(0, limit ?? 50))
        if json {
            try JSONOutput.print(posts.map(Self.json))
            return
        }
        for post in posts {
            let mark = (post.unread ? "N" : " ") + (post.watched ? "W" : " ")
            let date = ISODate.string(post.published).map { String($0.prefix(10)) } ?? "          "
            print(
                TerminalSafeText.sanitize(
                    "\(post.id)\t\(mark) \(date)  \(post.title)  — \(post.author) (\(post.commentCount) comments)"))
        }
    }

    /// `--mark-read`: marks what the filters (and `--limit`, when given) select; says how many
    /// changed, and how many of the selected were read already.
    private static func markRead(_ filter: PostFilter, limit: Int?, store: LibraryStore, json: Bool) throws {
        let selected = min(limit ?? Int.max, try store.postCount(filter))
        let marked = try store.markRead(filter, limit: limit).count
        if json {
            try JSONOutput.print(["marked_read": marked, "selected": selected] as [String: Any])
            return
        }
        var line = "marked \(marked) post\(marked == 1 ? "" : "s") read"
        if selected > marked { line += " (\(selected - marked) of the \(selected) selected were read already)" }
        print(line)
    }

    static func json(_ post: PostSummary) -> [String: Any] {
        [
            "id": post.id, "blog_id": post.blogID, "title": TerminalSafeText.sanitize(post.title),
            "author": TerminalSafeText.sanitize(post.author),
            "published": JSONOutput.orNull(ISODate.string(post.published)),
            "link": TerminalSafeText.sanitize(post.link),
            "categories": post.categories.map { TerminalSafeText.sanitize($0) },
            "tags": post.tags.map { TerminalSafeText.sanitize($0) },
            "comment_count": post.commentCount, "unread": post.unread, "watched": post.watched,
        ]
    }
}
