import BlogFormats
import BlogModel
import BlogStore
import Foundation

extension SyncEngine {
    /// Fetches the posts feed, merges it, then fetches and merges every post's comments.
    func syncPostsAndComments(_ blog: Blog, feedURL: URL, result: inout SyncResult) async throws {
        let key = feedURL.absoluteString
        let request = makeRequest(feedURL, validators: try storedValidators(key))
        var jobs: [SyncCommentJob]
        var commentsInline = false
        var siteListed = false
        var feedValidators: HTTPValidators?
        var newPostIDs: Set<Int64> = []
        // Posts whose comment counts this sync's feed told afresh (none on a 304).
        var inFeed: Set<Int64> = []
        result.requests += 1
        switch await fetcher.fetch(request) {
        case .failed(let error):
            throw error
        case .notModified:
            result.feedNotModified = true
            jobs = try storedCommentJobs(blog)
        case .ok(let response):
            result.bytes += response.bodyCount
            guard Discovery.looksLikeFeed(response.bodyHead) else {
                throw FetchError(url: feedURL, kind: .notAFeed(contentType: response.mediaType ?? "unknown type"))
            }
            let prepared = try await parsing.perform { PreparedFeed(try Self.parseFeed(response)) }
            let feed = prepared.feed
            let previous = Dictionary(
                try store.commentStates(blogID: blog.id, limit: options.commentWindow).map { ($0.sourceID, $0) },
                uniquingKeysWith: { first, _ in first })
            let merger = self.merger
            // Once a WordPress site's posts came through its REST API, its feed only updates counts.
            let countsOnly =
                try restEndpoint(blog) != nil
                && store.syncState(blogID: blog.id, name: SiteCursor.postsModified) != nil
            let merged = try await writer.perform {
                try merger.mergeFeed(prepared, blog: blog, deferSearchIndex: true, countsOnly: countsOnly)
            }
            result.newPosts = merged.counts.newPosts
            newPostIDs = merged.newPostIDs
            result.updatedPosts = merged.counts.updatedPosts
            result.newComments = merged.counts.newComments
            result.updatedComments = merged.counts.updatedComments
            if let moved = response.permanentRedirect, moved.absoluteString != key {
                let store = self.store
                try await writer.perform { try store.updateFeedURL(blogID: merged.blogID, to: moved.absoluteString) }
            }
            commentsInline = feed.items.contains(where: \.isComment)
            jobs = commentsInline ? [] : commentJobs(feed, blog: blog, postIDs: merged.postIDs, previous: previous)
            inFeed = Set(merged.postIDs.values)
            feedValidators = response.validators
        }
        if options.fetchComments, !commentsInline, let api = restEndpoint(blog) {
            if try await syncSite(blog, api: api, feedURL: feedURL, newFromFeed: newPostIDs, result: &result) {
                // The site-wide listing brought every changed comment, followed posts' included.
                jobs = []
                siteListed = true
            } else {
                // The REST API is refused: per-post comment feeds it is, for every post the
                // feed's pages brought, not only the first page's.
                jobs = try storedCommentJobs(blog)
                for index in jobs.indices { jobs[index].sources.removeAll(where: \.isREST) }
                jobs.removeAll { $0.sources.isEmpty }
            }
        }
        if options.fetchComments, !commentsInline, !siteListed {
            jobs = try addingWatchedJobs(jobs, blog: blog, countedByFeed: inFeed)
        }
        if options.fetchComments, !jobs.isEmpty {
            try await syncComments(jobs, newPosts: newPostIDs, result: &result)
        }
        // Saved last: a merge that failed must not leave validators that would hide the
        // same content behind a 304 next time.
        if let feedValidators, !feedValidators.isEmpty {
            let store = self.store
            try await writer.perform { try store.saveValidators(feedValidators, for: key) }
        }
    }

    /// Parses a fetched feed; an ill-formed one fails naming its URL, line and column.
    static func parseFeed(_ response: FetchResponse) throws -> ParsedFeed {
        try response.parseFeed()
    }

    func makeRequest(_ url: URL, validators: HTTPValidators?, accept: String = FetchRequest.feedAccept) -> FetchRequest
    {
        FetchRequest(
            url: url, validators: validators, accept: accept, maxBytes: options.maxBytes,
            connectTimeout: options.connectTimeout, totalTimeout: options.totalTimeout,
            retryOnce: true, retryCap: options.retryCap,
            // Feeds (parsed by parseFeed) may come as a file when large; JSON and pages stay in memory.
            allowsBodyFile: accept == FetchRequest.feedAccept)
    }

    func storedValidators(_ url: String) throws -> HTTPValidators? {
        try store.validators(for: url)
    }

    /// The comment sources of the posts in a freshly fetched feed whose comments may have
    /// changed: new posts, posts whose advertised count changed or exceeds what is cached, and
    /// posts of feeds that advertise no count. `previous` is the cache before the merge.
    func commentJobs(
        _ feed: ParsedFeed, blog: Blog, postIDs: [String: Int64], previous: [String: PostCommentState]
    ) -> [SyncCommentJob] {
        var seen: Set<Int64> = []
        var jobs: [SyncCommentJob] = []
        for item in feed.items where !item.isComment {
            guard let id = postIDs[item.post.sourceID], seen.insert(id).inserted else { continue }
            // The window is the feed's newest posts, whatever is cached: which posts get their
            // comments read must be the same on a first sync, a later one, or one after a kill.
            if seen.count > options.commentWindow { break }
            var post = item.post
            // A post that says it has no comments, with none cached, has nothing to read.
            if post.advertisedCommentCount == 0, (previous[post.sourceID]?.cachedCommentCount ?? 0) == 0 { continue }
            // Skipped when nothing changed: the count is what it was, and the cache holds that
            // many or the comments were read in full at that count (a feed of the newest ten
            // cannot reach more).
            if let cached = previous[post.sourceID], let advertised = post.advertisedCommentCount,
                cached.advertisedCommentCount == advertised,
                cached.cachedCommentCount >= advertised || cached.commentsReadAtCount == advertised
            {
                continue
            }
            if post.remotePostID == nil {
                post.remotePostID = FeedCommentIdentity.wordpressPostID(inGuid: post.sourceID)
            }
            let ids: Set<String> = [post.sourceID, item.entryID, post.link]
            if let job = commentJob(
                postID: id, ids: ids, remotePostID: post.remotePostID, feed: post.commentFeedURL, blog: blog,
                advertised: post.advertisedCommentCount)
            {
                jobs.append(job)
            }
        }
        return jobs
    }

    /// The comment sources to check when the posts feed answered 304: its advertised counts
    /// have not changed, so only posts without a count, or with fewer comments cached than
    /// advertised (an earlier fetch failed or the comment feed is truncated), are asked again.
    func storedCommentJobs(_ blog: Blog) throws -> [SyncCommentJob] {
        try store.commentStatesToCheck(
            blogID: blog.id, limit: options.commentWindow, includingPostsWithoutCommentFeed: restEndpoint(blog) != nil
        ).compactMap { state in
            if let advertised = state.advertisedCommentCount,
                state.cachedCommentCount >= advertised || state.commentsReadAtCount == advertised
            {
                return nil
            }
            let remote = state.remotePostID ?? FeedCommentIdentity.wordpressPostID(inGuid: state.sourceID)
            return commentJob(
                postID: state.postID, ids: [state.sourceID, state.link], remotePostID: remote,
                feed: state.commentFeedURL, blog: blog, advertised: state.advertisedCommentCount)
        }
    }

    func commentJob(
        postID: Int64, ids: Set<String>, remotePostID: Int?, feed: String?, blog: Blog, advertised: Int?
    ) -> SyncCommentJob? {
        var sources: [SyncCommentSource] = []
        if let api = restEndpoint(blog), let remotePostID {
            sources.append(.rest(root: api.root, remotePostID: remotePostID))
        }
        if let feed, let url = URL(string: feed), url.scheme == "http" || url.scheme == "https" {
            sources.append(.feed(url))
        }
        guard !sources.isEmpty else { return nil }
        return SyncCommentJob(
            postID: postID, postIDs: ids.subtracting([""]), sources: sources, advertisedCount: advertised)
    }
}
