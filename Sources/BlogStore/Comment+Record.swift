import BlogModel
import Foundation
import GRDB

extension Comment: FetchableRecord {
    /// Columns for `init(row:)`; `is_new` must be computed by the query (it needs the post).
    static let columns =
        "comment.id, comment.post_id, comment.source_id, comment.parent_source_id, comment.author, comment.author_email, comment.author_url, comment.published, comment.content_html, comment.kind, comment.status, comment.author_user_id"

    public init(row: Row) {
        self.init(
            id: row["id"], postID: row["post_id"], sourceID: row["source_id"],
            parentSourceID: row["parent_source_id"], author: row["author"],
            authorEmail: row["author_email"], authorURL: row["author_url"],
            published: Date(storedSeconds: row["published"]), contentHTML: row["content_html"],
            kind: Kind(rawValue: row["kind"]) ?? .comment,
            status: Status(rawValue: row["status"]) ?? .pending,
            isNew: row["is_new"] ?? false, authorUserID: row["author_user_id"])
    }
}
