import BlogModel
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
    static func restBody(draft: Draft, target: Target) -> Data {
        let object: [String: Any] = [
            "post": target.remotePostID,
            "parent": target.remoteParentID,
            "author_name": draft.authorName,
            "author_email": draft.authorEmail,
            "author_url": draft.authorURL,
            "content": draft.body,
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
