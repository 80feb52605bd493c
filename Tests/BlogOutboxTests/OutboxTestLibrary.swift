import BlogModel
import BlogStore
import Foundation

/// A real on-disk cache with one WordPress blog, one post and one comment, for outbox tests.
final class OutboxTestLibrary {
    let folder: URL
    let store: LibraryStore
    let blogID: Int64
    let postID: Int64
    /// The cached comment (WordPress id 57) that replies can answer.
    let commentID: Int64

    /// WordPress's id for the post, as the site knows it.
    static let remotePostID = 4
    static let remoteCommentID = "57"

    init(siteURL: String, commentsOpen: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-outbox-\(UUID().uuidString)")
        store = try LibraryStore(path: folder.appendingPathComponent("lectern.sqlite").path)
        (blogID, postID, commentID) = try store.writeSession { session in
            let blogID = try session.upsertBlog(
                Blog(
                    sourceKey: siteURL + "/feed/", title: "Test blog", link: siteURL + "/",
                    siteURL: siteURL, feedURL: siteURL + "/feed/", origin: .feed))
            let postID = try session.upsertPost(
                Post(
                    blogID: blogID, sourceID: "\(siteURL)/?p=4", title: "A post", link: "\(siteURL)/?p=4",
                    remotePostID: Self.remotePostID, commentsOpen: commentsOpen),
                listed: true, searchText: "A post"
            ).id
            let commentID = try session.upsertComment(
                Comment(postID: postID, sourceID: Self.remoteCommentID, author: "Bea", contentHTML: "<p>First!</p>"),
                searchText: "First!"
            ).id
            return (blogID, postID, commentID)
        }
    }

    /// Saves a queued draft by Ann, replying to `parent` (nil for the post).
    @discardableResult
    func makeQueuedDraft(_ body: String, parent: Int64? = nil, author: String = "Ann") throws -> Draft {
        try store.saveDraft(
            Draft(
                postID: postID, parentCommentID: parent, authorName: author, authorEmail: "ann@example.org",
                authorURL: "https://ann.example.org/", body: body, state: .queued))
    }

    /// Adds (or updates) a comment as a sync would.
    func syncComment(sourceID: String, author: String, html: String, status: Comment.Status = .approved) throws {
        try store.writeSession { session in
            _ = try session.upsertComment(
                Comment(postID: postID, sourceID: sourceID, author: author, contentHTML: html, status: status),
                searchText: html)
        }
    }

    func draft(_ id: Int64) throws -> Draft {
        try unwrapDraft(store.draft(id: id))
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func unwrapDraft(_ draft: Draft?) throws -> Draft {
        guard let draft else { throw LibraryStoreError.notFound("draft") }
        return draft
    }
}
