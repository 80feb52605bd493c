import ArgumentParser
import BlogFormats
import BlogModel
import BlogOutbox
import BlogStore
import BlogSync
import Foundation
import ScreenKit
import TextLayout

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a post and its comment thread as text.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The post's id (from `lectern posts`).")
    var post: Int64

    @Option(help: "Wrap text to this many columns.")
    var width = 80

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let store = try global.openStore()
        guard let post = try store.post(id: post) else {
            throw CLIError("\(global.paths.database.path): no post with id \(self.post)")
        }
        let blog = try store.blog(id: post.blogID)
        let body = HTMLConverter.richText(fromHTML: post.contentHTML, baseURL: post.link)
        let cached = try store.comments(postID: post.id)
        // What the user sent shows in its place until a sync brings the real comment.
        let sent = OutboxSentComments.comments(
            from: try store.drafts().filter { $0.postID == post.id }, among: cached)
        let thread = CommentThread(comments: cached + sent)
        let sentNotes = Dictionary(
            sent.map { ($0.id, ThreadLayout.sentNote(awaitingModeration: $0.status == .pending)) },
            uniquingKeysWith: { first, _ in first })
        let width = max(20, self.width)
        let texts = thread.comments.map {
            HTMLConverter.richText(fromHTML: $0.contentHTML, baseURL: post.link)
        }
        if json {
            try JSONOutput.print(Self.json(post: post, body: body, thread: thread, texts: texts, width: width))
            return
        }
        let header = ArticleHeader(post: post, blogTitle: blog?.title)
        print(ArticleLayout.plainText(header: header, body: body, width: width))
        if !thread.rows.isEmpty {
            print(
                "\n── \(thread.rows.count) comment\(thread.rows.count == 1 ? "" : "s") "
                    + String(repeating: "─", count: max(0, width - 16)))
            print(
                ThreadLayout.plainText(
                    thread: thread, width: width, note: { sentNotes[thread.comment(at: $0).id] },
                    text: { texts[thread.rows[$0].comment] }))
        }
    }

    static func json(
        post: Post, body: RichText, thread: CommentThread, texts: [RichText], width: Int
    ) -> [String: Any] {
        let comments = thread.rows.map { shape -> [String: Any] in
            let comment = thread.comments[shape.comment]
            return [
                "id": CommentJSONID.value(comment),
                "parent_id": JSONOutput.orNull(shape.parentRow.map { CommentJSONID.value(thread.comment(at: $0)) }),
                "depth": shape.depth,
                "author": TerminalSafeText.sanitize(comment.author),
                "published": JSONOutput.orNull(ISODate.string(comment.published)),
                "type": comment.kind.rawValue,
                "text": ThreadLayout.commentText(texts[shape.comment], width: width),
            ]
        }
        return [
            "post": [
                "id": post.id, "title": TerminalSafeText.sanitize(post.title),
                "author": TerminalSafeText.sanitize(post.author),
                "published": JSONOutput.orNull(ISODate.string(post.published)),
                "link": TerminalSafeText.sanitize(post.link),
                "categories": post.categories.map { TerminalSafeText.sanitize($0) },
                "tags": post.tags.map { TerminalSafeText.sanitize($0) },
                "text": ArticleLayout.plainText(header: nil, body: body, width: width),
            ] as [String: Any],
            "comments": comments,
        ]
    }
}
