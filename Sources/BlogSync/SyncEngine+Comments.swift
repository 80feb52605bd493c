import BlogFormats
import BlogModel
import BlogStore
import Foundation

extension SyncEngine {
    /// REST pages fetched per post at most (100 comments each).
    static let maxRESTPages = 50

    /// Posts whose comments are fetched, then stored, together: a sync killed midway keeps
    /// every batch stored before, and the next one starts from there.
    static let commentBatch = 32

    /// Fetches the comments of every job, a bounded number at a time, and merges them one
    /// batch at a time. `newPosts` are the posts this sync has just created.
    func syncComments(_ jobs: [SyncCommentJob], newPosts: Set<Int64>, result: inout SyncResult) async throws {
        var jobs = jobs
        var fetches: [SyncCommentFetch] = []
        // One query for the validators of every source, not one per request.
        let known = try store.validators(forURLs: jobs.flatMap { $0.sources.map(\.firstURL.absoluteString) })
        // Probe the REST API once: a site that disabled it would otherwise cost one failed
        // request per post before each falls back to its feed.
        if let first = jobs.firstIndex(where: { $0.sources.contains(where: \.isREST) }) {
            let probe = await fetchComments(jobs[first], known: known)
            fetches.append(probe)
            jobs.remove(at: first)
            if probe.restFailed {
                for index in jobs.indices { jobs[index].sources.removeAll(where: \.isREST) }
            }
        }
        var start = 0
        repeat {
            let batch = Array(jobs[start..<min(start + Self.commentBatch, jobs.count)])
            start += batch.count
            fetches += await FetchQueue.run(batch, limit: options.commentConcurrency) { job in
                await self.fetchComments(job, known: known)
            }
            try await storeComments(fetches, newPosts: newPosts, result: &result)
            fetches = []
        } while start < jobs.count
    }

    /// Stores one batch of fetched comments with the validators and read counts that go with
    /// them, in one write: validators saved before their comments would hide them behind a 304.
    private func storeComments(
        _ fetches: [SyncCommentFetch], newPosts: Set<Int64>, result: inout SyncResult
    ) async throws {
        var byPost: [Int64: [FeedComment]] = [:]
        var validators: [(String, HTTPValidators)] = []
        var readInFull: [(postID: Int64, count: Int)] = []
        for fetch in fetches {
            if fetch.failure == nil, let count = fetch.advertisedCount { readInFull.append((fetch.postID, count)) }
            result.commentFetches += fetch.fetches
            result.requests += fetch.fetches
            result.commentNotModified += fetch.notModified
            result.bytes += fetch.bytes
            if let failure = fetch.failure { result.commentFailures.append(failure) }
            if let comments = fetch.comments, !comments.isEmpty { byPost[fetch.postID] = comments }
            validators += fetch.validators
        }
        guard !byPost.isEmpty || !validators.isEmpty || !readInFull.isEmpty else { return }
        let merger = self.merger
        let store = self.store
        let pending = byPost
        let saved = validators.map { (url: $0.0, validators: $0.1) }
        let settled = readInFull
        let counts = try await writer.perform { () -> FeedMergeCounts in
            let counts =
                pending.isEmpty
                ? FeedMergeCounts() : try merger.mergeComments(pending, newPosts: newPosts, deferSearchIndex: true)
            try store.saveValidators(saved)
            try store.markCommentsRead(settled)
            return counts
        }
        result.newComments += counts.newComments
        result.updatedComments += counts.updatedComments
    }

    /// Tries the job's sources richest first; the first that answers wins.
    /// `known` holds the stored validators of the sources' first URLs.
    func fetchComments(_ job: SyncCommentJob, known: [String: HTTPValidators]) async -> SyncCommentFetch {
        var fetch = SyncCommentFetch(postID: job.postID, comments: nil, validators: [])
        fetch.advertisedCount = job.advertisedCount
        var failures: [String] = []
        for source in job.sources {
            do {
                switch source {
                case .rest(let root, let remotePostID):
                    try await fetchREST(root: root, remotePostID: remotePostID, known: known, into: &fetch)
                case .feed(let url):
                    try await fetchFeed(url, postIDs: job.postIDs, validators: known[url.absoluteString], into: &fetch)
                }
                fetch.failure = nil
                return fetch
            } catch let error as FetchError {
                failures.append("\(error.url.absoluteString): \(error.message)")
            } catch {
                failures.append("\(error)")
            }
            if source.isREST { fetch.restFailed = true }
        }
        fetch.failure = failures.last
        return fetch
    }

    func fetchFeed(
        _ url: URL, postIDs: Set<String>, validators: HTTPValidators?, into fetch: inout SyncCommentFetch
    ) async throws {
        fetch.fetches += 1
        switch await fetcher.fetch(makeRequest(url, validators: validators)) {
        case .failed(let error): throw error
        case .notModified:
            fetch.notModified += 1
        case .ok(let response):
            fetch.bytes += response.bodyCount
            guard Discovery.looksLikeFeed(response.bodyHead) else {
                throw FetchError(url: url, kind: .notAFeed(contentType: response.mediaType ?? "unknown type"))
            }
            fetch.comments = try await parsing.perform {
                FeedCommentList.comments(from: try Self.parseFeed(response), postIDs: postIDs)
            }
            if !response.validators.isEmpty { fetch.validators.append((url.absoluteString, response.validators)) }
        }
    }

    func fetchREST(
        root: URL, remotePostID: Int, known: [String: HTTPValidators], into fetch: inout SyncCommentFetch
    ) async throws {
        func page(_ number: Int) -> URL {
            SyncCommentSource.restPage(root: root, remotePostID: remotePostID, number: number)
        }
        let accept = "application/json"
        let first = page(1)
        fetch.fetches += 1
        var comments: [Comment] = []
        var totalPages = 1
        switch await fetcher.fetch(makeRequest(first, validators: known[first.absoluteString], accept: accept)) {
        case .failed(let error): throw error
        case .notModified:
            fetch.notModified += 1
            return
        case .ok(let response):
            fetch.bytes += response.body.count
            comments = try await parsing.perform { try Self.decodeREST(response, url: first) }
            totalPages = Int(response.headers["x-wp-totalpages"] ?? "") ?? 1
            if !response.validators.isEmpty { fetch.validators.append((first.absoluteString, response.validators)) }
        }
        if totalPages > 1 {
            for number in 2...min(totalPages, Self.maxRESTPages) {
                fetch.fetches += 1
                switch await fetcher.fetch(makeRequest(page(number), validators: nil, accept: accept)) {
                case .failed(let error): throw error
                case .notModified: continue
                case .ok(let response):
                    fetch.bytes += response.body.count
                    let url = page(number)
                    let more = try await parsing.perform { try Self.decodeREST(response, url: url) }
                    if more.isEmpty { break }
                    comments += more
                }
            }
        }
        let all = comments
        fetch.comments = try await parsing.perform { all.map { FeedComment(comment: $0, knowsParent: true) } }
    }

    private static func decodeREST(_ response: FetchResponse, url: URL) throws -> [Comment] {
        do {
            return try WordPressRESTComments.decode(response.body)
        } catch {
            throw SyncFailure("\(url.absoluteString): not a WordPress comment list (\(error))")
        }
    }
}

extension SyncCommentSource {
    var isREST: Bool {
        if case .rest = self { return true }
        return false
    }
}
