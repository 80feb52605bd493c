import BlogModel
import BlogSync
import Foundation

extension CommentSubmission {
    /// The bytes HTML forms leave alone; everything else is percent-encoded as UTF-8.
    private static let formSafe: Set<UInt8> = Set(
        Array(UInt8(ascii: "A")...UInt8(ascii: "Z")) + Array(UInt8(ascii: "a")...UInt8(ascii: "z"))
            + Array(UInt8(ascii: "0")...UInt8(ascii: "9"))
            + [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "*")])

    /// `application/x-www-form-urlencoded` as browsers send it: UTF-8, space as `+`.
    static func formEncoded(_ fields: [(String, String)]) -> String {
        fields.map { formEscape($0.0) + "=" + formEscape($0.1) }.joined(separator: "&")
    }

    static func formEscape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if formSafe.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: " ") {
                out += "+"
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// The JSON object `POST /wp/v2/comments` takes.
    ///
    /// - Parameter asAccount: the request carries an application password, so the comment is
    ///   the account's and names no author. WordPress's `create_item` (wp-includes/rest-api/
    ///   endpoints/class-wp-rest-comments-controller.php, 6.1) fills in `user_id`, name, email
    ///   and URL from the logged-in user only when `author_name`, `author_email` and
    ///   `author_url` are all empty or absent; with any of them set it neither refuses nor
    ///   links the account, but stores a guest comment under those fields with no `user_id`
    ///   (REST `author` 0, checked against WordPress 6.1: without them, `author` is the
    ///   account). Anonymous REST keeps them: they are all the blog knows of the commenter.
    static func restBody(draft: Draft, target: Target, asAccount: Bool) -> Data {
        var object: [String: Any] = [
            "post": target.remotePostID,
            "parent": target.remoteParentID,
            "content": draft.body,
        ]
        if !asAccount {
            object["author_name"] = draft.authorName
            object["author_email"] = draft.authorEmail
            object["author_url"] = draft.authorURL
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
