import Foundation

/// Recovers WordPress comment ids and reply parents from what comment feeds carry.
///
/// A WordPress comment's guid is `<post guid>#comment-ID` and its link ends in
/// `#comment-ID`, so every source (REST, Atom, RSS) can be keyed by the same numeric id
/// and merged without duplicates. RSS2 comment feeds have no parent field, but WordPress
/// starts a reply's text with `In reply to <a href="…#comment-N">Name</a>.`: that link is
/// the parent.
public enum FeedCommentIdentity {
    /// The numeric id in a `…#comment-ID` guid or link; nil when there is none.
    public static func wordpressCommentID(in text: String?) -> String? {
        guard let text, let range = text.range(of: "#comment-", options: .backwards) else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, range.upperBound < text.endIndex,
            text.index(range.upperBound, offsetBy: digits.count) == text.endIndex
        else { return nil }
        return String(digits)
    }

    /// The WordPress numeric post id in a `…?p=ID` guid; nil when there is none.
    public static func wordpressPostID(inGuid guid: String) -> Int? {
        guard let components = URLComponents(string: guid),
            let value = components.queryItems?.first(where: { $0.name == "p" })?.value
        else { return nil }
        return Int(value)
    }

    /// A comment's identity: the WordPress id when its guid or link has one, else the guid.
    public static func sourceID(guid: String?, link: String?) -> String? {
        if let id = wordpressCommentID(in: guid) ?? wordpressCommentID(in: link) { return id }
        if let guid, !guid.isEmpty { return guid }
        if let link, !link.isEmpty { return link }
        return nil
    }

    /// The parent's identity from an Atom `thr:in-reply-to` ref: its WordPress id when the
    /// ref is a comment guid, else the ref itself (other engines' comment ids).
    public static func parentID(fromRef ref: String) -> String {
        wordpressCommentID(in: ref) ?? ref
    }

    private static let replyPrefix = try! NSRegularExpression(
        pattern: #"^\s*(<p>\s*)?In reply to <a [^>]*href=["']([^"']*#comment-([0-9]+))["'][^>]*>.*?</a>\.?\s*(</p>\s*)?"#,
        options: [.caseInsensitive, .dotMatchesLineSeparators])

    /// Splits WordPress's `In reply to <a href="…#comment-N">Name</a>.` prefix off an RSS
    /// comment body: the body without it, and N. Bodies without the prefix come back whole.
    public static func stripReplyPrefix(_ html: String) -> (html: String, parentID: String?) {
        let whole = NSRange(html.startIndex..., in: html)
        guard let match = replyPrefix.firstMatch(in: html, range: whole),
            let idRange = Range(match.range(at: 3), in: html),
            let matched = Range(match.range, in: html)
        else { return (html, nil) }
        let openedParagraph = match.range(at: 1).location != NSNotFound
        let closedParagraph = match.range(at: 4).location != NSNotFound
        var rest = String(html[matched.upperBound...])
        // The prefix opened a paragraph it did not close: the text that follows is still in it.
        if openedParagraph && !closedParagraph { rest = "<p>" + rest }
        return (rest, String(html[idRange]))
    }
}
