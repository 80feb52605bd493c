import BlogFormats
import BlogModel
import BlogStore
import Foundation

/// Reading one WordPress thread in full: REST, its comment feed, its page.
extension SyncEngine {
    /// Reads in full the threads new comments touched (their REST listing), and those whose
    /// advertised count (from the posts feed, pingbacks included) differs from what is cached
    /// (their REST listing and their comment feed). A count no public source can reach
    /// (pingbacks older than the feed's newest ten) is remembered and not chased until it changes.
    func completeShortThreads(
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
            if isShort(state), let feed = state.commentFeedURL.flatMap(URL.init(string:)) {
                sources.append(.feed(feed))
            }
            return (
                state,
                SyncCommentJob(
                    postID: state.postID, postIDs: Set([state.sourceID, state.link]).subtracting([""]), sources: sources
                )
            )
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
            let others = read.feed.filter {
                !restIDs.contains($0.comment.sourceID) && !fromPage.contains($0.comment.sourceID)
            }
            .map { item -> FeedComment in
                var item = item
                item.comment.kind = .pingback
                return item
            }
            byPost[state.postID] = read.rest + (read.restComplete ? others + read.page : [])
            if read.restComplete { hide.append((state.postID, [.comment], restIDs)) }
            // A feed shorter than its page, or the post's page, holds every ping of the post.
            if read.restComplete, read.feedComplete || read.pageRead {
                hide.append(
                    (state.postID, [.pingback, .trackback], Set(others.map(\.comment.sourceID)).union(fromPage)))
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
            for (postID, kinds, listed) in hidden {
                try store.hideComments(postID: postID, kinds: kinds, missingFrom: listed)
            }
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
    func readThread(_ job: SyncCommentJob, advertised: Int?, page: URL?) async -> SiteThreadRead {
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
        if let advertised, let page, read.restComplete, !read.feed.isEmpty, !read.feedComplete, known.count < advertised
        {
            read.fetches += 1
            switch await fetcher.fetch(makeRequest(page, validators: nil, accept: "text/html")) {
            case .ok(let response):
                read.bytes += response.body.count
                let html = String(decoding: response.body, as: UTF8.self)
                let base = response.finalURL.absoluteString
                read.page =
                    await
                    (try? parsing.perform {
                        WordPressPostPage.pings(fromHTML: html, pageURL: base).map {
                            FeedComment(comment: $0, knowsParent: true)
                        }
                    }) ?? []
                read.pageRead = true
            case .notModified: break
            case .failed(let error): read.failures.append("\(error.url.absoluteString): \(error.message)")
            }
        }
        return read
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
