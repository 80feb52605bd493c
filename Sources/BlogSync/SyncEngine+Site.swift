import BlogFormats
import BlogModel
import BlogStore
import Foundation

/// Keeping a whole WordPress site current with a few requests, whatever its posts feed says.
///
/// A posts feed holds the newest ten posts and answers 304 while no *post* changed, however
/// many comments arrived; per-post comment feeds hold the newest ten comments. So a WordPress
/// site is read through its REST API's site-wide listings instead: every post (100 a page) and
/// every approved comment with its parent (100 a page) the first time; later, the posts
/// modified since (`modified_after`) and, when a one-entry probe of the comment listing shows
/// a new newest id or another total, the comments newer than the last one known. Anonymous
/// REST lists no pingbacks or trackbacks: those come from the feeds, which list every type —
/// the site's comments feed for new ones, a post's own comment feed when its advertised count
/// shows some missing, and the post's page for those older than the feed's newest ten.
extension SyncEngine {
    /// Cursor names in the store's per-blog sync state.
    enum SiteCursor {
        /// The newest site-local `modified` date the post listing has read.
        static let postsModified = "rest_posts_modified_through"
        /// The newest comment id, and the approved total, the comment listing reported.
        static let commentsNewestID = "rest_comments_newest_id"
        static let commentsTotal = "rest_comments_total"
        /// Set once every page of the posts feed was read (their comment counts).
        static let feedPagesRead = "feed_pages_read"
    }

    /// Pages of one listing read in one sync at most (100 entries each; 10 for feed pages).
    static let maxListingPages = 2_000

    /// The site's REST API, for a blog known to be WordPress: the root it advertised, else
    /// `<site>/wp-json/` for blogs subscribed before the root was kept.
    func restEndpoint(_ blog: Blog) -> WordPressRESTEndpoint? {
        if let root = blog.apiRoot.flatMap(URL.init(string:)) { return WordPressRESTEndpoint(root: root) }
        guard blog.origin == .wordpress, let site = blog.siteURL.flatMap(URL.init(string:)) else { return nil }
        return WordPressRESTEndpoint(site: site)
    }

    /// Syncs the site's posts and comments through its REST listings and feeds; false when the
    /// REST API cannot be used (disabled, hidden behind a login), so the caller falls back to
    /// per-post comment feeds.
    ///
    /// `newFromFeed` are the posts the posts feed just created.
    func syncSite(
        _ blog: Blog, api: WordPressRESTEndpoint, feedURL: URL, newFromFeed: Set<Int64>, result: inout SyncResult
    ) async throws -> Bool {
        var newPosts = newFromFeed
        // The feed's later pages first: with the REST API refused they are all there is.
        if try store.syncState(blogID: blog.id, name: SiteCursor.feedPagesRead) == nil {
            try await readFeedPages(blog, feedURL: feedURL, newPosts: &newPosts, result: &result)
            try await writeState(blog.id, SiteCursor.feedPagesRead, "1")
        }
        guard try await syncSitePosts(blog, api: api, newPosts: &newPosts, result: &result) else { return false }
        let touched = try await syncSiteComments(blog, api: api, newPosts: newPosts, result: &result)
        try await completeShortThreads(blog, api: api, touched: touched, result: &result)
        return true
    }

    // MARK: Posts

    /// Reads every post the first time, then the posts modified since; false when the first
    /// page cannot be had.
    func syncSitePosts(
        _ blog: Blog, api: WordPressRESTEndpoint, newPosts: inout Set<Int64>, result: inout SyncResult
    ) async throws -> Bool {
        let through = try store.syncState(blogID: blog.id, name: SiteCursor.postsModified)
        var newest = through
        for number in 1...Self.maxListingPages {
            let url = api.posts(page: number, modifiedAfter: through)
            result.requests += 1
            let response: FetchResponse
            switch await fetcher.fetch(makeRequest(url, validators: nil, accept: "application/json")) {
            case .ok(let ok): response = ok
            case .notModified: return true
            case .failed(let error):
                if number == 1 { return false }
                throw error
            }
            result.bytes += response.body.count
            let decoded: (WordPressRESTPostPage, [String])
            do {
                decoded = try await parsing.perform {
                    let page = try WordPressRESTPostPage(response.body)
                    return (page, page.posts.map { HTMLConverter.plainText(fromHTML: $0.contentHTML) })
                }
            } catch {
                if number == 1 { return false }
                throw SyncFailure("\(url.absoluteString): not a WordPress post list (\(error))")
            }
            let (page, texts) = decoded
            if !page.posts.isEmpty {
                let merger = self.merger
                let fromFeed = newPosts
                let merged = try await writer.perform {
                    try merger.mergePosts(
                        page.posts, searchTexts: texts, blogID: blog.id, newThisSync: fromFeed, deferSearchIndex: true)
                }
                result.newPosts += merged.counts.newPosts
                result.updatedPosts += merged.counts.updatedPosts
                newPosts.formUnion(merged.newPostIDs)
            }
            if let modified = page.newestLocalModified, modified > (newest ?? "") { newest = modified }
            let totalPages = Self.totalPages(response, page: number, count: page.count)
            listingProgress(SyncListingProgress(blogID: blog.id, listing: .posts, page: number, totalPages: totalPages))
            if page.count == 0 || number >= totalPages { break }
        }
        if let newest, newest != through { try await writeState(blog.id, SiteCursor.postsModified, newest) }
        return true
    }

    /// Reads the posts feed's later pages (`paged=2…`) once, for what only feeds tell: each
    /// post's comment count (pingbacks included) and comment feed. Stops at the first page
    /// that fails or brings no post not seen on an earlier page.
    func readFeedPages(
        _ blog: Blog, feedURL: URL, newPosts: inout Set<Int64>, result: inout SyncResult
    ) async throws {
        var seen: Set<String> = []
        for number in 2...Self.maxListingPages {
            guard var components = URLComponents(url: feedURL, resolvingAgainstBaseURL: true) else { return }
            components.queryItems =
                (components.queryItems ?? []).filter { $0.name != "paged" }
                + [URLQueryItem(name: "paged", value: String(number))]
            guard let url = components.url else { return }
            result.requests += 1
            guard case .ok(let response) = await fetcher.fetch(makeRequest(url, validators: nil)),
                Discovery.looksLikeFeed(response.bodyHead)
            else { return }
            result.bytes += response.bodyCount
            guard let prepared = try? await parsing.perform({ PreparedFeed(try Self.parseFeed(response)) })
            else { return }
            let fresh = prepared.feed.items.filter { !$0.isComment && seen.insert($0.post.sourceID).inserted }
            if fresh.isEmpty { return }
            listingProgress(SyncListingProgress(blogID: blog.id, listing: .feedPages, page: number, totalPages: nil))
            let merger = self.merger
            let merged = try await writer.perform {
                try merger.mergeFeed(prepared, blog: blog, deferSearchIndex: true, keepingBlog: true)
            }
            result.newPosts += merged.counts.newPosts
            result.updatedPosts += merged.counts.updatedPosts
            newPosts.formUnion(merged.newPostIDs)
        }
    }

    /// The pages of a listing: `X-WP-TotalPages`, else one more while pages come full. A page
    /// may hold fewer than 100 before the last (WordPress counts comments of private posts in
    /// its totals, then leaves them out of the page), so only the total or an empty page ends it.
    static func totalPages(_ response: FetchResponse, page: Int, count: Int) -> Int {
        if let total = Int(response.headers["x-wp-totalpages"] ?? "") { return total }
        return count < 100 ? page : page + 1
    }

    func writeState(_ blogID: Int64, _ name: String, _ value: String) async throws {
        let store = self.store
        try await writer.perform { try store.setSyncState(blogID: blogID, name: name, value: value) }
    }

}
