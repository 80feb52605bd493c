import BlogModel
import Foundation
import GRDB

extension Draft: FetchableRecord {
    public init(row: Row) {
        self.init(
            id: row["id"], postID: row["post_id"], parentCommentID: row["parent_comment_id"],
            authorName: row["author_name"], authorEmail: row["author_email"],
            authorURL: row["author_url"], body: row["body"],
            state: State(rawValue: row["state"]) ?? .draft, lastError: row["last_error"],
            remoteCommentID: row["remote_comment_id"],
            created: Date(storedSeconds: row["created"]) ?? Date(),
            updated: Date(storedSeconds: row["updated"]) ?? Date())
    }

    var storageArguments: StatementArguments {
        [
            postID, parentCommentID, authorName, authorEmail, authorURL, body, state.rawValue,
            lastError, remoteCommentID, created.storedSeconds, updated.storedSeconds,
        ]
    }
}
