import BlogModel
import Foundation

/// Reading an item of a comment feed as a comment.
extension FeedItem {
    /// The item as a comment on its post.
    ///
    /// Identity is the WordPress comment id when the guid/id/link carries `#comment-N`, else
    /// the Atom id, else the guid. The parent comes from the first `thr:in-reply-to`: the
    /// `#comment-N` in its ref (or href), and none when it names no comment — a reply to the
    /// post itself. Without any in-reply-to, WordPress's "In reply to <a href="…#comment-N">
    /// Name</a>." opening paragraph names the parent and is removed from the text. Feeds cannot
    /// tell pingbacks apart, so the kind is always `.comment`.
    public func asComment() -> Comment {
        var parent: String?
        var content = post.contentHTML
        if let first = inReplyTo.first {
            parent = FeedConsumer.wordPressCommentID(in: first.ref)
                ?? first.href.flatMap { FeedConsumer.wordPressCommentID(in: $0) }
        } else if let (id, rest) = Self.splitReplyPrefix(content) {
            parent = id
            content = rest
        }
        return Comment(
            sourceID: wordpressCommentID ?? atomID ?? guid ?? post.sourceID, parentSourceID: parent,
            author: post.author, authorEmail: authorEmail, authorURL: authorURL,
            published: post.published ?? post.updated, contentHTML: content, kind: .comment,
            status: .approved)
    }

    /// Splits WordPress's `<p>In reply to <a href="…#comment-N">Name</a>.</p>` from a comment
    /// body, giving N and the rest of the body.
    static func splitReplyPrefix(_ html: String) -> (parentID: String, rest: String)? {
        let body = html.drop { $0.isWhitespace }
        let opening = body.hasPrefix("<p>") ? body.dropFirst(3) : body
        guard opening.hasPrefix("In reply to <a ") else { return nil }
        guard let anchorEnd = opening.range(of: "</a>") else { return nil }
        let anchor = opening[..<anchorEnd.lowerBound]
        guard let tagEnd = anchor.firstIndex(of: ">"),
            let id = FeedConsumer.wordPressCommentID(in: String(anchor[..<tagEnd]))
        else { return nil }
        var rest = opening[anchorEnd.upperBound...]
        if rest.hasPrefix(".") { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " }
        if rest.hasPrefix("</p>") {
            rest = rest.dropFirst(4)
        } else if rest.hasPrefix("<br />") || rest.hasPrefix("<br>") {
            rest = rest.drop { $0 != ">" }.dropFirst()
            // The reply shared the paragraph: reopen it so the markup stays balanced.
            return (id, "<p>" + String(rest.drop { $0.isWhitespace }))
        }
        return (id, String(rest.drop { $0.isWhitespace }))
    }
}
