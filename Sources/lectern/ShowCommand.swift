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
        let marked = try store.comments(postID: post.id, identity: try global.identity())
        // Muted comments are left out, and counted, as the reader hides them.
        let cached = marked.filter { !$0.marks.contains(.muted) }
        let muted = marked.count - cached.count
        // What the user sent shows in its place until a sync brings the real comment.
        let sent = OutboxSentComments.comments(
            from: try store.drafts().filter { $0.postID == post.id }, among: marked
        ).map { comment in
            var comment = comment
            comment.marks.insert(.mine)
            return comment
        }
        let thread = CommentThread(comments: cached + sent)
        let sentNotes = Dictionary(
            sent.map { ($0.id, ThreadLayout.sentNote(awaitingModeration: $0.status == .pending)) },
            uniquingKeysWith: { first, _ in first })
        let width = max(20, self.width)
        let texts = thread.comments.map {
            HTMLConverter.richText(fromHTML: $0.contentHTML, baseURL: post.link)
        }
        if json {
            var document = Self.json(post: post, body: body, thread: thread, texts: texts, width: width)
            document["muted"] = muted
            try JSONOutput.print(document)
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
        if muted > 0 {
            print("\n(\(muted) muted comment\(muted == 1 ? "" : "s") not shown: `lectern unmute` shows them again)")
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
                "is_mine": comment.marks.contains(.mine),
                "is_reply_to_me": comment.marks.contains(.replyToMe),
                "is_post_author": comment.marks.contains(.postAuthor),
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
