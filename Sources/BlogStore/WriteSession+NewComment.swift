import BlogModel
import Foundation
import GRDB

extension WriteSession {
    /// Inserts `comment` (of a post this session created) unless its post already holds its
    /// source id; returns the new id, or nil for a repeat (for the upsert to settle).
    ///
    /// A comment of a new post is almost always new: a plain insert spares the upsert's
    /// RETURNING, which SQLite runs as a trigger with its own temporary table and statement
    /// savepoint, per row, hundreds of thousands of times in an import.
    func insertNewComment(_ comment: Comment) throws -> Int64? {
        let statement = try RawStatement(
            db,
            sql: Self.insertNewCommentSQL)
        bindCommentValues(comment, to: statement)
        try statement.run()
        return db.changesCount == 1 ? db.lastInsertedRowID : nil
    }

    /// Stores the search text of a comment just inserted.
    func insertCommentText(id: Int64, _ searchText: String) throws {
        let text = try RawStatement(db, sql: "INSERT INTO comment_text (comment_id, body) VALUES (?, ?)")
        text.bind(1, id)
        text.bind(2, searchText)
        try text.run()
        try noteNewSearchText(searchText.utf8.count)
    }

    /// The insert both comment writes start with; `bindCommentValues` binds its values.
    static let insertCommentSQL = """
        INSERT INTO comment (post_id, source_id, parent_source_id, status, kind, published,
            first_seen, author, author_email, author_url, content_html, author_user_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Made once, not per comment: the import runs it hundreds of thousands of times.
    private static let insertNewCommentSQL = insertCommentSQL + " ON CONFLICT (post_id, source_id) DO NOTHING"

    /// Binds the values of `insertCommentSQL`.
    func bindCommentValues(_ comment: Comment, to statement: RawStatement) {
        statement.bind(1, comment.postID)
        statement.bind(2, comment.sourceID)
        statement.bind(3, comment.parentSourceID)
        statement.bind(4, comment.status.rawValue)
        statement.bind(5, comment.kind.rawValue)
        statement.bind(6, comment.published.storedSeconds)
        statement.bind(7, now)
        statement.bind(8, comment.author)
        statement.bind(9, comment.authorEmail)
        statement.bind(10, comment.authorURL)
        statement.bind(11, comment.contentHTML)
        statement.bind(12, comment.authorUserID.map(Int64.init))
    }
}
