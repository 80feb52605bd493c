import BlogModel
import BlogStore
import Foundation

/// How drafts are shown on the command line: a line, a JSON object, or an exportable text.
struct DraftView {
    let store: LibraryStore

    init(store: LibraryStore) throws { self.store = store }

    /// The blog's own id of the comment a draft replies to, as `show --json` names comments.
    func parentID(_ draft: Draft) -> Any {
        guard let parentID = draft.parentCommentID,
            let parent = try? store.comments(postID: draft.postID).first(where: { $0.id == parentID })
        else { return draft.parentCommentID.map { $0 as Any } ?? NSNull() }
        return CommentJSONID.value(parent)
    }

    func json(_ draft: Draft) -> [String: Any] {
        [
            "id": draft.id, "post_id": draft.postID, "parent_comment_id": parentID(draft),
            "author": draft.authorName, "body": draft.body, "state": draft.state.rawValue,
            "created": ISODate.string(draft.created) ?? "", "updated": ISODate.string(draft.updated) ?? "",
            "last_error": JSONOutput.orNull(draft.lastError),
            "remote_comment_id": JSONOutput.orNull(draft.remoteCommentID),
        ]
    }

    func line(_ draft: Draft) -> String {
        let title = (try? store.post(id: draft.postID))?.title ?? "post \(draft.postID)"
        let target = draft.parentCommentID == nil ? "comment on" : "reply to \(parentID(draft)) on"
        let firstLine = draft.body.split(separator: "\n").first.map(String.init) ?? ""
        var text = "\(draft.id)\t\(draft.state.rawValue)\t\(target) “\(title)”: \(firstLine)"
        if let error = draft.lastError { text += "\t(\(error))" }
        return TerminalSafeText.sanitize(text)
    }

    func export(_ draft: Draft) -> String {
        let post = try? store.post(id: draft.postID)
        var headers = [
            "Draft: \(draft.id) (\(draft.state.rawValue))",
            "Post: \(post?.title ?? "post \(draft.postID)")",
            "Link: \(post?.link ?? "")",
        ]
        if draft.parentCommentID != nil { headers.append("In-Reply-To-Comment: \(parentID(draft))") }
        headers += [
            "Author: \(draft.authorName)", "Email: \(draft.authorEmail)", "URL: \(draft.authorURL)",
            "Updated: \(ISODate.string(draft.updated) ?? "")",
        ]
        return TerminalSafeText.sanitize(headers.joined(separator: "\n"), keepNewlines: true) + "\n\n"
            + TerminalSafeText.sanitize(draft.body, keepNewlines: true) + "\n"
    }
}
