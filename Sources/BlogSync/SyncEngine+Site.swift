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
    private func syncSitePosts(
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
    private func readFeedPages(
        _ blog: Blog, feedURL: URL, newPosts: inout Set<Int64>, result: inout SyncResult
    ) async throws {
        var seen: Set<String> = []
        for number in 2...Self.maxListingPages {
            guard var components = URLComponents(url: feedURL, resolvingAgainstBaseURL: true) else { return }
            components.queryItems = (components.queryItems ?? []).filter { $0.name != "paged" }
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
            let merged = try await writer.perform { try merger.mergeFeed(prepared, blog: blog, deferSearchIndex: true, keepingBlog: true) }
            result.newPosts += merged.counts.newPosts
            result.updatedPosts += merged.counts.updatedPosts
            newPosts.formUnion(merged.newPostIDs)
        }
    }

    // MARK: Comments

    /// Reads every approved comment the first time; later, only what changed.
    ///
    /// A one-entry probe of the listing (`X-WP-Total` and the newest comment id) tells whether
    /// anything changed since the last sync. New comments are read newest id first down to the
    /// last one known: ids grow with every comment, whatever date it carries. When the total
    /// then still differs (an old comment approved, one deleted or spammed), the site is listed
    /// again in full, and what it no longer lists leaves the threads.
    ///
    /// The comments feed lists every type; what it holds that the REST listing of the same
    /// span does not is a pingback or trackback (anonymous REST lists every approved comment
    /// of type `comment`, and nothing else), and only those are taken from it: the feed's copy
    /// of a REST comment has no parent and other markup.
    ///
    /// Returns the posts a listing of new comments touched (none after a full listing): their
    /// threads are then read in full.
    private func syncSiteComments(
        _ blog: Blog, api: WordPressRESTEndpoint, newPosts: Set<Int64>, result: inout SyncResult
    ) async throws -> Set<Int64> {
        let knownNewest = try store.syncState(blogID: blog.id, name: SiteCursor.commentsNewestID).flatMap { Int($0) }
        let knownTotal = try store.syncState(blogID: blog.id, name: SiteCursor.commentsTotal).flatMap { Int($0) }
        let feed = try await readSiteCommentsFeed(blog, url: api.commentsFeed, result: &result)
        guard let probe = await probeSiteComments(api, result: &result) else { return [] }
        var listing = SiteCommentListing()
        var full = knownNewest == nil || knownTotal == nil
        if !full, probe.newestID != knownNewest || probe.total != knownTotal {
            guard try await listSiteComments(
                blog, api: api, newerThan: knownNewest, newPosts: newPosts, into: &listing, result: &result)
            else { return [] }
            full = (knownTotal ?? 0) + listing.count != probe.total
        }
        if full {
            listing = SiteCommentListing()
            guard try await listSiteComments(
                blog, api: api, newerThan: nil, newPosts: newPosts, into: &listing, result: &result)
            else { return [] }
        }
        // Feed entries the REST listing of the same span lacks are pingbacks and trackbacks.
        let spanStart = full ? 0 : (knownNewest ?? 0)
        var pings: [Int64: [FeedComment]] = [:]
        for (postID, comments) in feed.byPost {
            for var item in comments where !listing.ids.contains(item.comment.sourceID) {
                guard let number = Int(item.comment.sourceID), number > spanStart else { continue }
                item.comment.kind = .pingback
                pings[postID, default: []].append(item)
            }
        }
        let merger = self.merger
        let store = self.store
        let pending = pings
        let feedKey = api.commentsFeed.absoluteString
        let feedValidators = feed.validators
        let listed = listing
        let hideMissing = full && knownNewest != nil
        let cursor = [(SiteCursor.commentsNewestID, String(probe.newestID)), (SiteCursor.commentsTotal, String(probe.total))]
        let counts = try await writer.perform { () -> FeedMergeCounts in
            let counts = pending.isEmpty ? FeedMergeCounts() : try merger.mergeComments(pending, deferSearchIndex: true)
            if hideMissing {
                // Listed in full after a change no new comment explains: what the site no longer
                // lists (unapproved, spammed, deleted) leaves its thread.
                for postID in try store.postIDsWithApprovedComments(blogID: blog.id, kind: .comment) {
                    try store.hideComments(postID: postID, kinds: [.comment], missingFrom: listed.byPost[postID] ?? [])
                }
            }
            // Saved once what was announced is stored, so a failure is retried next time.
            if let feedValidators, !feedValidators.isEmpty { try store.saveValidators(feedValidators, for: feedKey) }
            for (name, value) in cursor { try store.setSyncState(blogID: blog.id, name: name, value: value) }
            return counts
        }
        result.newComments += counts.newComments
        result.updatedComments += counts.updatedComments
        return full ? [] : Set(listing.byPost.keys)
    }

    /// `X-WP-Total` and the newest comment id of the site's listing, from a one-entry page.
    private func probeSiteComments(
        _ api: WordPressRESTEndpoint, result: inout SyncResult
    ) async -> (total: Int, newestID: Int)? {
        let url = api.siteCommentsProbe
        result.requests += 1
        result.commentFetches += 1
        switch await fetcher.fetch(makeRequest(url, validators: nil, accept: "application/json")) {
        case .ok(let response):
            result.bytes += response.body.count
            guard let page = try? WordPressRESTCommentPage(response.body) else {
                result.commentFailures.append("\(url.absoluteString): not a WordPress comment list")
                return nil
            }
            let total = Int(response.headers["x-wp-total"] ?? "") ?? page.count
            return (total, page.newestID ?? 0)
        case .notModified:
            return nil
        case .failed(let error):
            result.commentFailures.append("\(error.url.absoluteString): \(error.message)")
            return nil
        }
    }

    /// Lists the site's approved comments newest id first, down to `newerThan` (all when nil),
    /// merging each page; false when a page could not be had.
    private func listSiteComments(
        _ blog: Blog, api: WordPressRESTEndpoint, newerThan: Int?, newPosts: Set<Int64>,
        into listing: inout SiteCommentListing, result: inout SyncResult
    ) async throws -> Bool {
        let byRemoteID = try store.postIDsByRemoteID(blogID: blog.id)
        for number in 1...Self.maxListingPages {
            let url = api.siteComments(page: number)
            result.requests += 1
            result.commentFetches += 1
            let response: FetchResponse
            switch await fetcher.fetch(makeRequest(url, validators: nil, accept: "application/json")) {
            case .ok(let ok): response = ok
            case .notModified: return false
            case .failed(let error):
                result.commentFailures.append("\(error.url.absoluteString): \(error.message)")
                return false
            }
            result.bytes += response.body.count
            let page: WordPressRESTCommentPage
            let byPost: [Int64: [FeedComment]]
            do {
                (page, byPost) = try await parsing.perform {
                    let page = try WordPressRESTCommentPage(response.body)
                    var byPost: [Int64: [FeedComment]] = [:]
                    for (remote, comments) in page.byPost {
                        // Comments on pages and other types the reader does not list are skipped.
                        guard let postID = byRemoteID[remote] else { continue }
                        for comment in comments where Int(comment.sourceID).map({ $0 > (newerThan ?? 0) }) ?? true {
                            byPost[postID, default: []].append(FeedComment(comment: comment, knowsParent: true))
                        }
                    }
                    return (page, byPost)
                }
            } catch {
                result.commentFailures.append("\(url.absoluteString): not a WordPress comment list (\(error))")
                return false
            }
            for (postID, comments) in byPost { listing.add(comments.map(\.comment.sourceID), of: postID) }
            listing.count += page.ids.filter { $0 > (newerThan ?? 0) }.count
            if !byPost.isEmpty {
                let merger = self.merger
                let counts = try await writer.perform {
                    try merger.mergeComments(byPost, newPosts: newPosts, deferSearchIndex: true)
                }
                result.newComments += counts.newComments
                result.updatedComments += counts.updatedComments
            }
            let totalPages = Self.totalPages(response, page: number, count: page.count)
            listingProgress(SyncListingProgress(blogID: blog.id, listing: .comments, page: number, totalPages: totalPages))
            let reachedKnown = newerThan.map { known in page.ids.contains { $0 <= known } } ?? false
            if reachedKnown || page.count == 0 || number >= totalPages { return true }
        }
        return true
    }

    /// Fetches the site's comments feed conditionally: its newest comments of every type,
    /// each named by its post's guid (or link), by cache post id.
    private func readSiteCommentsFeed(
        _ blog: Blog, url: URL, result: inout SyncResult
    ) async throws -> (changed: Bool, byPost: [Int64: [FeedComment]], validators: HTTPValidators?) {
        result.requests += 1
        result.commentFetches += 1
        switch await fetcher.fetch(makeRequest(url, validators: try storedValidators(url.absoluteString))) {
        case .notModified:
            result.commentNotModified += 1
            return (false, [:], nil)
        case .failed(let error):
            // The REST listing still finds new comments; only pingbacks wait for the next sync.
            result.commentFailures.append("\(error.url.absoluteString): \(error.message)")
            return (true, [:], nil)
        case .ok(let response):
            result.bytes += response.bodyCount
            guard Discovery.looksLikeFeed(response.bodyHead) else { return (true, [:], nil) }
            let postOf = try store.postIDsByGuidAndLink(blogID: blog.id)
            let byPost = try await parsing.perform {
                FeedCommentList.siteComments(from: try Self.parseFeed(response), postOf: postOf)
            }
            return (true, byPost, response.validators)
        }
    }

    /// Reads in full the threads new comments touched (their REST listing), and those whose
    /// advertised count (from the posts feed, pingbacks included) differs from what is cached
    /// (their REST listing and their comment feed). A count no public source can reach
    /// (pingbacks older than the feed's newest ten) is remembered and not chased until it changes.
    private func completeShortThreads(
        _ blog: Blog, api: WordPressRESTEndpoint, touched: Set<Int64>, result: inout SyncResult
    ) async throws {
        func isShort(_ state: PostCommentState) -> Bool {
            guard let advertised = state.advertisedCommentCount else { return false }
            return advertised != state.cachedCommentCount && advertised != state.commentsReadAtCount
        }
        let states = try store.commentStates(blogID: blog.id, limit: Int.max).filter {
            isShort($0) || touched.contains($0.postID)
        }
        guard !states.isEmpty else { return }
        let jobs = states.map { state in
            var sources: [SyncCommentSource] = []
            if let remote = state.remotePostID { sources.append(.rest(root: api.root, remotePostID: remote)) }
            if isShort(state), let feed = state.commentFeedURL.flatMap(URL.init(string:)) { sources.append(.feed(feed)) }
            return (state, SyncCommentJob(
                postID: state.postID, postIDs: Set([state.sourceID, state.link]).subtracting([""]), sources: sources))
        }
        let work = jobs.map { state, job in
            (job, isShort(state) ? state.advertisedCommentCount : nil, URL(string: state.link))
        }
        let reads = await FetchQueue.run(work, limit: options.commentConcurrency) { job, advertised, page in
            await self.readThread(job, advertised: advertised, page: page)
        }
        var byPost: [Int64: [FeedComment]] = [:]
        var hide: [(Int64, [Comment.Kind], Set<String>)] = []
        var settled: [(postID: Int64, count: Int)] = []
        for ((state, _), read) in zip(jobs, reads) {
            result.requests += read.fetches
            result.commentFetches += read.fetches
            result.bytes += read.bytes
            result.commentFailures += read.failures
            // What the feed holds beyond the REST listing is a pingback or trackback.
            let restIDs = Set(read.rest.map(\.comment.sourceID))
            // The post's page names their type; the feed does not (most are pingbacks).
            let fromPage = Set(read.page.map(\.comment.sourceID))
            let others = read.feed.filter { !restIDs.contains($0.comment.sourceID) && !fromPage.contains($0.comment.sourceID) }
                .map { item -> FeedComment in
                    var item = item
                    item.comment.kind = .pingback
                    return item
                }
            byPost[state.postID] = read.rest + (read.restComplete ? others + read.page : [])
            if read.restComplete { hide.append((state.postID, [.comment], restIDs)) }
            // A feed shorter than its page, or the post's page, holds every ping of the post.
            if read.restComplete, read.feedComplete || read.pageRead {
                hide.append((state.postID, [.pingback, .trackback], Set(others.map(\.comment.sourceID)).union(fromPage)))
            }
            if isShort(state), read.failures.isEmpty, let advertised = state.advertisedCommentCount {
                settled.append((state.postID, advertised))
            }
        }
        let merger = self.merger
        let store = self.store
        let merge = byPost.filter { !$0.value.isEmpty }
        let hidden = hide
        let settledCounts = settled
        let counts = try await writer.perform { () -> FeedMergeCounts in
            let counts = merge.isEmpty ? FeedMergeCounts() : try merger.mergeComments(merge, deferSearchIndex: true)
            for (postID, kinds, listed) in hidden { try store.hideComments(postID: postID, kinds: kinds, missingFrom: listed) }
            try store.markCommentsRead(settledCounts)
            return counts
        }
        result.newComments += counts.newComments
        result.updatedComments += counts.updatedComments
    }

    /// Reads one thread from every source of `job`: REST (comments with parents) and the
    /// comment feed (every type, parents only from WordPress's "In reply to" prefix); then,
    /// when the two still hold fewer than `advertised` and the feed was full, the post's own
    /// `page`, the one public list of older pingbacks and trackbacks.
    private func readThread(_ job: SyncCommentJob, advertised: Int?, page: URL?) async -> SiteThreadRead {
        var read = SiteThreadRead()
        for source in job.sources {
            var fetch = SyncCommentFetch(postID: job.postID, comments: nil, validators: [])
            do {
                switch source {
                case .rest(let root, let remotePostID):
                    try await fetchREST(root: root, remotePostID: remotePostID, known: [:], into: &fetch)
                    read.rest = fetch.comments ?? []
                    read.restComplete = fetch.comments != nil
                case .feed(let url):
                    try await fetchFeed(url, postIDs: job.postIDs, validators: nil, into: &fetch)
                    read.feed = fetch.comments ?? []
                    // WordPress puts `posts_per_rss` (10 by default) comments in a feed.
                    read.feedComplete = fetch.comments.map { $0.count < 10 } ?? false
                }
            } catch let error as FetchError {
                read.failures.append("\(error.url.absoluteString): \(error.message)")
            } catch {
                read.failures.append("\(error)")
            }
            read.fetches += fetch.fetches
            read.bytes += fetch.bytes
        }
        let known = Set(read.rest.map(\.comment.sourceID)).union(read.feed.map(\.comment.sourceID))
        if let advertised, let page, read.restComplete, !read.feed.isEmpty, !read.feedComplete, known.count < advertised {
            read.fetches += 1
            switch await fetcher.fetch(makeRequest(page, validators: nil, accept: "text/html")) {
            case .ok(let response):
                read.bytes += response.body.count
                let html = String(decoding: response.body, as: UTF8.self)
                let base = response.finalURL.absoluteString
                read.page = await (try? parsing.perform {
                    WordPressPostPage.pings(fromHTML: html, pageURL: base).map { FeedComment(comment: $0, knowsParent: true) }
                }) ?? []
                read.pageRead = true
            case .notModified: break
            case .failed(let error): read.failures.append("\(error.url.absoluteString): \(error.message)")
            }
        }
        return read
    }

    /// The pages of a listing: `X-WP-TotalPages`, else one more while pages come full. A page
    /// may hold fewer than 100 before the last (WordPress counts comments of private posts in
    /// its totals, then leaves them out of the page), so only the total or an empty page ends it.
    static func totalPages(_ response: FetchResponse, page: Int, count: Int) -> Int {
        if let total = Int(response.headers["x-wp-totalpages"] ?? "") { return total }
        return count < 100 ? page : page + 1
    }


    private func writeState(_ blogID: Int64, _ name: String, _ value: String) async throws {
        let store = self.store
        try await writer.perform { try store.setSyncState(blogID: blogID, name: name, value: value) }
    }

}

/// What a site-wide comment listing has brought so far.
struct SiteCommentListing: Sendable {
    /// Source ids listed, by cache post id.
    var byPost: [Int64: Set<String>] = [:]
    var ids: Set<String> = []
    /// Comments listed (on any post, listed by the reader or not).
    var count = 0

    mutating func add(_ sourceIDs: [String], of postID: Int64) {
        byPost[postID, default: []].formUnion(sourceIDs)
        ids.formUnion(sourceIDs)
    }
}

/// What reading one thread from its REST listing and its comment feed came to.
struct SiteThreadRead: Sendable {
    var rest: [FeedComment] = []
    var feed: [FeedComment] = []
    /// True when the REST listing was read to its last page.
    var restComplete = false
    /// True when the feed held fewer comments than a feed page: every one of the post's.
    var feedComplete = false
    /// Pingbacks and trackbacks read from the post's page, when it was read.
    var page: [FeedComment] = []
    var pageRead = false
    var fetches = 0
    var bytes = 0
    var failures: [String] = []
}
