import BlogModel
import Foundation
import GRDB

extension WriteSession {
    /// The source ids of the posts `blogID` holds, in one read: a merge tells the posts it
    /// must compare with a stored copy from those it can simply insert.
    public func storedPostSourceIDs(blogID: Int64) throws -> Set<String> {
        var ids: Set<String> = []
        let rows = try String.fetchCursor(
            db.cachedStatement(sql: "SELECT source_id FROM post WHERE blog_id = ?"), arguments: [blogID])
        while let id = try rows.next() { ids.insert(id) }
        return ids
    }

    /// Stores `post`, not yet in the cache, as `upsertPost` would store it; falls back to
    /// `upsertPost` when the post turns out to be stored after all (another process's sync).
    ///
    /// A plain insert spares the upsert's RETURNING, which SQLite runs with a temporary
    /// table and statement savepoint of its own, per post: most of a new post's cost.
    public func insertNewPost(
        _ post: Post, listed: Bool, searchText: String, source: PostSource = .complete
    ) throws -> UpsertOutcome {
        let statement = try RawStatement(
            db,
            sql: """
                INSERT INTO post (blog_id, source_id, title, link, author, published, updated, sort_date,
                    remote_post_id, comment_feed_url, comments_open, advertised_comment_count, listed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (blog_id, source_id) DO NOTHING
                """)
        statement.bind(1, post.blogID)
        statement.bind(2, post.sourceID)
        statement.bind(3, post.title)
        statement.bind(4, post.link)
        statement.bind(5, post.author)
        statement.bind(6, post.published.storedSeconds)
        statement.bind(7, post.updated.storedSeconds)
        statement.bind(8, post.published.storedSeconds ?? PostCursor.undatedSortDate)
        statement.bind(9, post.remotePostID)
        statement.bind(10, post.commentFeedURL)
        statement.bind(11, post.commentsOpen)
        statement.bind(12, post.advertisedCommentCount)
        statement.bind(13, listed)
        try statement.run()
        guard db.changesCount == 1 else {
            return try upsertPost(post, listed: listed, searchText: searchText, source: source)
        }
        let id = db.lastInsertedRowID
        treatAsNew(postIDs: [id])
        try insertPostDetails(id: id, post: post, searchText: searchText)
        return .inserted(id)
    }
}
