import BlogModel

/// What syncing one blog came to.
public struct SyncResult: Equatable, Sendable {
    public var blogID: Int64
    /// Terminal-safe blog title.
    public var title: String
    /// The feed URL that was fetched.
    public var feedURL: String
    public var newPosts: Int
    public var updatedPosts: Int
    public var newComments: Int
    public var updatedComments: Int
    /// True when the posts feed answered 304.
    public var feedNotModified: Bool
    /// Comment sources (feeds, REST pages) fetched, and how many answered 304.
    public var commentFetches: Int
    public var commentNotModified: Int
    /// Comment sources that failed; the blog still counts as synced.
    public var commentFailures: [String]
    /// Why the blog failed, naming the URL; nil when it synced.
    public var error: String?
    /// Bytes of response bodies received.
    public var bytes: Int
    /// HTTP requests made (each page of a listing counts).
    public var requests: Int

    public init(blogID: Int64, title: String, feedURL: String) {
        self.blogID = blogID
        self.title = title
        self.feedURL = feedURL
        newPosts = 0
        updatedPosts = 0
        newComments = 0
        updatedComments = 0
        feedNotModified = false
        commentFetches = 0
        commentNotModified = 0
        commentFailures = []
        error = nil
        bytes = 0
        requests = 0
    }

    public var failed: Bool { error != nil }

    /// The exit status of `lectern sync` for these results: 1 when any blog failed, else 0.
    public static func exitStatus(of results: [SyncResult]) -> Int32 {
        results.contains(where: \.failed) ? 1 : 0
    }

    /// One line for a log or a non-terminal stderr: `Title: 3 new posts, 12 new comments`.
    public var summaryLine: String {
        if let error { return "\(title): failed: \(error)" }
        var parts: [String] = []
        if feedNotModified && newComments == 0 && updatedComments == 0 { parts.append("not modified") }
        if newPosts > 0 || !feedNotModified { parts.append("\(newPosts) new posts") }
        if updatedPosts > 0 { parts.append("\(updatedPosts) updated posts") }
        parts.append("\(newComments) new comments")
        if updatedComments > 0 { parts.append("\(updatedComments) updated comments") }
        if !commentFailures.isEmpty { parts.append("\(commentFailures.count) comment sources failed") }
        return "\(title): " + parts.joined(separator: ", ") + " (\(requests) requests, \(Self.size(bytes)))"
    }

    /// `512 B`, `14 KB`, `1.2 MB`: what a sync cost, for its summary line.
    static func size(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) B" }
        if bytes < 1_000_000 { return "\(bytes / 1_000) KB" }
        return String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
