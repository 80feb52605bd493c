import BlogModel
import Foundation
import GRDB

/// The writes of one import or sync, all inside one transaction.
///
/// Every upsert compares before it writes, so importing identical data writes nothing.
/// Reader state (read, visited, starred, comments seen) and drafts are never touched.
public final class WriteSession {
    let db: Database
    let now: Double
    /// Ids above this were allocated by this session (AUTOINCREMENT never reuses ids).
    private let postSequenceAtStart: Int64
    private var insertedPostIDs: Set<Int64> = []
    /// The largest comment id this session has inserted (the sequence's value before that).
    private var lastInsertedCommentID: Int64
    /// Rows with ids up to these are in the FTS index (an update replaces their indexed text).
    var postsIndexedThrough: Int64
    var commentsIndexedThrough: Int64
    /// Whether this session indexes its new text itself, before its transaction commits.
    let indexesSearchText: Bool
    /// Bytes of new search text stored since the index last caught up.
    var unindexedTextBytes = 0

    init(db: Database, now: Date = Date(), indexesSearchText: Bool = false) throws {
        self.db = db
        self.now = now.storedSeconds
        self.indexesSearchText = indexesSearchText
        let sequences = try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence")
        func sequence(_ name: String) -> Int64 {
            sequences.first { $0["name"] == name }?["seq"] ?? 0
        }
        postSequenceAtStart = sequence("post")
        lastInsertedCommentID = sequence("comment")
        postsIndexedThrough = try SearchIndex.indexedThrough(db, .post)
        commentsIndexedThrough = try SearchIndex.indexedThrough(db, .comment)
    }

    /// Inserts or updates the blog keyed by `sourceKey` and returns its id.
    ///
    /// Sync metadata (`lastSync`, `lastError`) is left alone; a nil site or feed URL keeps the known one.
    public func upsertBlog(_ blog: Blog) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO blog (source_key, title, link, summary, language, site_url, api_root, feed_url, origin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source_key) DO UPDATE SET
                    title = excluded.title, link = excluded.link, summary = excluded.summary,
                    language = excluded.language,
                    site_url = coalesce(excluded.site_url, blog.site_url),
                    api_root = coalesce(excluded.api_root, blog.api_root),
                    feed_url = coalesce(excluded.feed_url, blog.feed_url),
                    origin = excluded.origin
                WHERE blog.title IS NOT excluded.title OR blog.link IS NOT excluded.link
                    OR blog.summary IS NOT excluded.summary OR blog.language IS NOT excluded.language
                    OR (excluded.site_url IS NOT NULL AND blog.site_url IS NOT excluded.site_url)
                    OR (excluded.api_root IS NOT NULL AND blog.api_root IS NOT excluded.api_root)
                    OR (excluded.feed_url IS NOT NULL AND blog.feed_url IS NOT excluded.feed_url)
                    OR blog.origin IS NOT excluded.origin
                RETURNING id
                """)
        statement.setUncheckedArguments([
            blog.sourceKey, blog.title, blog.link, blog.summary, blog.language, blog.siteURL,
            blog.apiRoot, blog.feedURL, blog.origin.rawValue,
        ])
        if let id = try Int64.fetchOne(statement) { return id }
        return try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM blog WHERE source_key = ?"),
            arguments: [blog.sourceKey])!
    }

    /// Inserts or updates the post keyed by (`post.blogID`, `post.sourceID`).
    ///
    /// `listed` is false for pages, drafts and other posts the reader must not list;
    /// `searchText` is the plain text of the body, for search. What the source does not know
    /// (a nil WordPress id, comment feed or count) keeps what a richer source stored; a
    /// `.feed` source also keeps the stored comment status and the category/tag split, which
    /// feeds cannot express (WordPress lists tags as categories).
    public func upsertPost(
        _ post: Post, listed: Bool, searchText: String, source: PostSource = .complete
    ) throws -> UpsertOutcome {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO post (blog_id, source_id, title, link, author, published, updated, sort_date,
                    remote_post_id, comment_feed_url, comments_open, advertised_comment_count, listed,
                    author_user_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?15)
                ON CONFLICT (blog_id, source_id) DO UPDATE SET
                    title = excluded.title, link = excluded.link, author = excluded.author,
                    author_user_id = coalesce(excluded.author_user_id, post.author_user_id),
                    published = excluded.published, updated = excluded.updated,
                    sort_date = excluded.sort_date,
                    remote_post_id = coalesce(excluded.remote_post_id, post.remote_post_id),
                    comment_feed_url = coalesce(excluded.comment_feed_url, post.comment_feed_url),
                    comments_open = CASE WHEN ?14 THEN post.comments_open ELSE excluded.comments_open END,
                    advertised_comment_count = coalesce(excluded.advertised_comment_count, post.advertised_comment_count),
                    listed = excluded.listed
                WHERE post.title IS NOT excluded.title OR post.link IS NOT excluded.link
                    OR post.author IS NOT excluded.author OR post.published IS NOT excluded.published
                    OR post.updated IS NOT excluded.updated
                    OR (excluded.remote_post_id IS NOT NULL AND post.remote_post_id IS NOT excluded.remote_post_id)
                    OR (excluded.comment_feed_url IS NOT NULL AND post.comment_feed_url IS NOT excluded.comment_feed_url)
                    OR (NOT ?14 AND post.comments_open IS NOT excluded.comments_open)
                    OR (excluded.advertised_comment_count IS NOT NULL
                        AND post.advertised_comment_count IS NOT excluded.advertised_comment_count)
                    OR post.listed IS NOT excluded.listed
                    OR (excluded.author_user_id IS NOT NULL AND post.author_user_id IS NOT excluded.author_user_id)
                RETURNING id
                """)
        let sortDate = post.published.storedSeconds ?? PostCursor.undatedSortDate
        statement.setUncheckedArguments([
            post.blogID, post.sourceID, post.title, post.link, post.author,
            post.published.storedSeconds, post.updated.storedSeconds, sortDate, post.remotePostID,
            post.commentFeedURL, post.commentsOpen, post.advertisedCommentCount, listed,
            source == .feed, post.authorUserID,
        ])
        if let id = try Int64.fetchOne(statement) {
            if id > postSequenceAtStart, insertedPostIDs.insert(id).inserted {
                try insertPostDetails(id: id, post: post, searchText: searchText)
                return .inserted(id)
            }
            _ = try updatePostDetails(id: id, post: post, searchText: searchText, source: source)
            return .updated(id)
        }
        let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM post WHERE blog_id = ? AND source_id = ?"),
            arguments: [post.blogID, post.sourceID])!
        return try updatePostDetails(id: id, post: post, searchText: searchText, source: source)
            ? .updated(id) : .unchanged(id)
    }

    /// For a post already stored from a richer source (WordPress's REST API), takes from its
    /// feed copy only what the feed alone says: the advertised comment count and the comment
    /// feed. Returns the post's id, or nil when it is not stored yet.
    public func updateFeedCounts(_ post: Post) throws -> Int64? {
        let statement = try db.cachedStatement(
            sql: """
                UPDATE post SET
                    advertised_comment_count = coalesce(?, advertised_comment_count),
                    comment_feed_url = coalesce(?, comment_feed_url)
                WHERE blog_id = ? AND source_id = ?
                RETURNING id
                """)
        statement.setUncheckedArguments([post.advertisedCommentCount, post.commentFeedURL, post.blogID, post.sourceID])
        return try Int64.fetchOne(statement)
    }

    /// Declares `postIDs` as posts created moments ago by the same sync, in an earlier session:
    /// their comments are written without first looking for a stored copy to compare with.
    /// (A copy stored meanwhile by another process is still updated, not duplicated.)
    public func treatAsNew(postIDs: some Sequence<Int64>) {
        insertedPostIDs.formUnion(postIDs)
    }

    /// The comment upsert of `upsertComment`, made once.
    private static let upsertCommentSQL =
        insertCommentSQL + "\n"
            + """
            ON CONFLICT (post_id, source_id) DO UPDATE SET
                parent_source_id = excluded.parent_source_id, status = excluded.status,
                kind = excluded.kind, published = excluded.published, author = excluded.author,
                author_email = excluded.author_email, author_url = excluded.author_url,
                content_html = excluded.content_html,
                author_user_id = coalesce(excluded.author_user_id, comment.author_user_id)
            WHERE comment.parent_source_id IS NOT excluded.parent_source_id
                OR comment.status IS NOT excluded.status OR comment.kind IS NOT excluded.kind
                OR comment.published IS NOT excluded.published
                OR comment.author IS NOT excluded.author
                OR comment.author_email IS NOT excluded.author_email
                OR comment.author_url IS NOT excluded.author_url
                OR comment.content_html IS NOT excluded.content_html
                OR (excluded.author_user_id IS NOT NULL AND comment.author_user_id IS NOT excluded.author_user_id)
            RETURNING id
            """

    /// Inserts or updates the comment keyed by (`comment.postID`, `comment.sourceID`).
    ///
    /// A status change applies (a comment that became spam disappears from every view);
    /// whether the reader has seen it is kept.
    public func upsertComment(_ comment: Comment, searchText: String) throws -> UpsertOutcome {
        // On a post that existed before this session the comment is probably known: one
        // comparing SELECT (done by SQLite, without copying the body out) settles re-imports.
        if !insertedPostIDs.contains(comment.postID) {
            let known = try db.cachedStatement(
                sql: """
                    SELECT id, parent_source_id IS ? AND status IS ? AND kind IS ? AND published IS ?
                        AND author IS ? AND author_email IS ? AND author_url IS ? AND content_html IS ?
                        AND (? IS NULL OR author_user_id IS ?)
                    FROM comment WHERE post_id = ? AND source_id = ?
                    """)
            known.setUncheckedArguments([
                comment.parentSourceID, comment.status.rawValue, comment.kind.rawValue,
                comment.published.storedSeconds, comment.author, comment.authorEmail,
                comment.authorURL, comment.contentHTML, comment.authorUserID, comment.authorUserID, comment.postID,
                comment.sourceID,
            ])
            if let row = try Row.fetchOne(known), row[1] as Bool {
                return .unchanged(row[0])
            }
        } else if let id = try insertNewComment(comment) {
            lastInsertedCommentID = max(lastInsertedCommentID, id)
            try insertCommentText(id: id, searchText)
            return .inserted(id)
        }
        let statement = try RawStatement(
            db,
            sql: Self.upsertCommentSQL)
        bindCommentValues(comment, to: statement)
        if let id = try statement.run() {
            // AUTOINCREMENT hands out ever larger ids, so an id above every one this session
            // has inserted so far is a row just inserted, not one updated.
            if id > lastInsertedCommentID {
                lastInsertedCommentID = id
                try insertCommentText(id: id, searchText)
                return .inserted(id)
            }
            try SearchIndex.replaceCommentText(
                db, id: id, body: searchText, indexed: id <= commentsIndexedThrough)
            return .updated(id)
        }
        let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM comment WHERE post_id = ? AND source_id = ?"),
            arguments: [comment.postID, comment.sourceID])!
        return .unchanged(id)
    }
}
