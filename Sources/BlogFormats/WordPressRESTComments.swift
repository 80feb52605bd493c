import BlogModel
import Foundation

/// Reads the comment lists of the WordPress REST API (`/wp-json/wp/v2/comments?post=ID`).
///
/// The REST API is the one public source that carries `parent`, so it gives the real reply
/// structure where RSS comment feeds give a flat list.
public enum WordPressRESTComments {
    /// Decodes a JSON array of comments; entries without an `id` are skipped.
    ///
    /// - Throws: `WordPressRESTError` for a body that is not a list, including the API's
    ///   own error object.
    public static func decode(_ data: Data) throws -> [Comment] {
        try WordPressRESTObject.list(from: data).compactMap(comment)
    }

    /// Decodes a site-wide comment list into comments per remote post id (the `post` field).
    public static func decodeByPost(_ data: Data) throws -> [Int: [Comment]] {
        var byPost: [Int: [Comment]] = [:]
        for object in try WordPressRESTObject.list(from: data) {
            guard let postID = object.int("post"), let comment = comment(from: object) else { continue }
            byPost[postID, default: []].append(comment)
        }
        return byPost
    }

    static func comment(from object: WordPressRESTObject) -> Comment? {
        guard let id = object.string("id"), !id.isEmpty else { return nil }
        let parent = object.string("parent")
        return Comment(
            sourceID: id,
            parentSourceID: parent == nil || parent == "0" || parent == "" ? nil : parent,
            author: FeedHTML.plainText(fromHTML: object.string("author_name") ?? ""),
            authorEmail: object.string("author_email") ?? "",
            authorURL: object.string("author_url") ?? "",
            published: object.date("date"),
            contentHTML: object.rendered("content") ?? "",
            kind: kind(object.string("type")),
            status: status(object.string("status")),
            authorUserID: object.int("author"))
    }

    /// The `type` field; plugins add their own types ("review", "note"), shown as comments.
    static func kind(_ type: String?) -> Comment.Kind {
        switch type?.lowercased() {
        case "pingback": return .pingback
        case "trackback": return .trackback
        default: return .comment
        }
    }

    /// The `status` field; anonymous callers only ever get approved comments, so a missing
    /// status means approved, while an unknown one is held back.
    static func status(_ status: String?) -> Comment.Status {
        switch status?.lowercased() {
        case nil, "approved", "approve", "1": return .approved
        case "spam": return .spam
        case "trash": return .trash
        default: return .pending
        }
    }
}

/// One page of a site-wide comment listing (`/wp/v2/comments` without `post`).
public struct WordPressRESTCommentPage: Sendable {
    /// The comments by WordPress post id.
    public var byPost: [Int: [Comment]]
    /// How many comments the page held.
    public var count: Int
    /// Every numeric comment id on the page, in page order.
    public var ids: [Int]
    /// The largest comment id on the page.
    public var newestID: Int? { ids.max() }
    /// The newest site-local `date` on the page, as sent: the API's `after` parameter compares
    /// with the site-local date, so a cursor kept in that form needs no time zone.
    public var newestLocalDate: String?

    /// Decodes a page of the listing.
    /// - Throws: `WordPressRESTError` for a body that is not a list.
    public init(_ data: Data) throws {
        byPost = [:]
        count = 0
        ids = []
        for object in try WordPressRESTObject.list(from: data) {
            count += 1
            if let id = object.int("id") { ids.append(id) }
            if let date = object.string("date"), date > (newestLocalDate ?? "") { newestLocalDate = date }
            guard let postID = object.int("post"), let comment = WordPressRESTComments.comment(from: object)
            else { continue }
            byPost[postID, default: []].append(comment)
        }
    }
}
