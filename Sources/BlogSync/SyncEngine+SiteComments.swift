import BlogFormats
import BlogModel
import BlogStore
import Foundation

/// A WordPress site's comments: the site-wide REST listing, its probe, the comments feed.
extension SyncEngine {

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
    func syncSiteComments(
        _ blog: Blog, api: WordPressRESTEndpoint, newPosts: Set<Int64>, result: inout SyncResult
    ) async throws -> Set<Int64> {
        let knownNewest = try store.syncState(blogID: blog.id, name: SiteCursor.commentsNewestID).flatMap { Int($0) }
        let knownTotal = try store.syncState(blogID: blog.id, name: SiteCursor.commentsTotal).flatMap { Int($0) }
        let feed = try await readSiteCommentsFeed(blog, url: api.commentsFeed, result: &result)
        guard let probe = await probeSiteComments(api, result: &result) else { return [] }
        var listing = SiteCommentListing()
        var full = knownNewest == nil || knownTotal == nil
        if !full, probe.newestID != knownNewest || probe.total != knownTotal {
            guard
                try await listSiteComments(
                    blog, api: api, newerThan: knownNewest, newPosts: newPosts, into: &listing, result: &result)
            else { return [] }
            full = (knownTotal ?? 0) + listing.count != probe.total
        }
        if full {
            listing = SiteCommentListing()
            guard
                try await listSiteComments(
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
        let cursor = [
            (SiteCursor.commentsNewestID, String(probe.newestID)), (SiteCursor.commentsTotal, String(probe.total)),
        ]
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
    func probeSiteComments(
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
    func listSiteComments(
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
            listingProgress(
                SyncListingProgress(blogID: blog.id, listing: .comments, page: number, totalPages: totalPages))
            let reachedKnown = newerThan.map { known in page.ids.contains { $0 <= known } } ?? false
            if reachedKnown || page.count == 0 || number >= totalPages { return true }
        }
        return true
    }

    /// Fetches the site's comments feed conditionally: its newest comments of every type,
    /// each named by its post's guid (or link), by cache post id.
    func readSiteCommentsFeed(
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
