import Foundation

/// Recovers WordPress comment ids and reply parents from what comment feeds carry.
///
/// A WordPress comment's guid is `<post guid>#comment-ID` and its link ends in
/// `#comment-ID`, so every source (REST, Atom, RSS) can be keyed by the same numeric id
/// and merged without duplicates. (The "In reply to" prefix that gives RSS2 comments their
/// parent is read by `FeedItem.asComment()`.)
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

    /// The parent's identity from an Atom `thr:in-reply-to` ref: its WordPress id when the
    /// ref is a comment guid, else the ref itself (other engines' comment ids).
    public static func parentID(fromRef ref: String) -> String {
        wordpressCommentID(in: ref) ?? ref
    }
}
