import BlogStore

/// What one import changed, for the line `lectern import` prints.
public struct ImportSummary: Equatable, Sendable {
    public var source: String
    public var blogTitle = ""
    /// Items that are not listed posts: pages, attachments, drafts, private or trashed posts.
    public var itemsSkipped = 0
    public var counts = FeedMergeCounts()

    public init(source: String) { self.source = source }

    public var postsAdded: Int { counts.newPosts }
    public var postsUpdated: Int { counts.updatedPosts }
    public var postsUnchanged: Int { counts.unchangedPosts }
    public var commentsAdded: Int { counts.newComments }
    public var commentsUpdated: Int { counts.updatedComments }
    public var commentsUnchanged: Int { counts.unchangedComments }
    public var posts: Int { postsAdded + postsUpdated + postsUnchanged }
    public var comments: Int { commentsAdded + commentsUpdated + commentsUnchanged }

    /// One line for a person: what arrived and what changed.
    public var line: String {
        let title = blogTitle.isEmpty ? "" : " “\(blogTitle)”"
        return "\(source):\(title) \(posts) posts (\(postsAdded) new, \(postsUpdated) updated), "
            + "\(comments) comments (\(commentsAdded) new, \(commentsUpdated) updated)"
            + (itemsSkipped > 0 ? ", \(itemsSkipped) other items skipped" : "")
    }
}
