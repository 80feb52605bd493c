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
            parent =
                FeedConsumer.wordPressCommentID(in: first.ref)
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
        // Every comment of an RSS comment feed passes here: bytes, not characters, and no
        // Foundation search (which would bridge the whole body to UTF-16).
        let bytes = Array(html.utf8)
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C
        }
        func has(_ word: StaticString, at index: Int) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            return (0..<count).allSatisfy { bytes[index + $0] == word.utf8Start[$0] }
        }
        func find(_ word: StaticString, from index: Int) -> Int? {
            var at = index
            while at < bytes.count {
                if has(word, at: at) { return at }
                at += 1
            }
            return nil
        }
        var index = 0
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        if has("<p>", at: index) { index += 3 }
        guard has("In reply to <a ", at: index), let anchorEnd = find("</a>", from: index),
            let tagEnd = bytes[index..<anchorEnd].firstIndex(of: UInt8(ascii: ">")),
            let id = FeedConsumer.wordPressCommentID(in: String(decoding: bytes[index..<tagEnd], as: UTF8.self))
        else { return nil }
        var rest = anchorEnd + 4
        if has(".", at: rest) { rest += 1 }
        while rest < bytes.count, bytes[rest] == 0x20 { rest += 1 }
        func text(from start: Int) -> String {
            String(String(decoding: bytes[start...], as: UTF8.self).drop { $0.isWhitespace })
        }
        if has("</p>", at: rest) { return (id, text(from: rest + 4)) }
        if has("<br", at: rest), let close = bytes[rest...].firstIndex(of: UInt8(ascii: ">")) {
            // The reply shared the paragraph: reopen it so the markup stays balanced.
            return (id, "<p>" + text(from: close + 1))
        }
        return (id, text(from: rest))
    }
}
