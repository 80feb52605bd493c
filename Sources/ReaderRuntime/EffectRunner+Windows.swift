import BlogModel
import BlogStore
import Foundation
import ReaderCore

extension EffectRunner {
    /// Answers `.loadPosts`. The first window of a list (`.newest`, `.oldest`) is read at once:
    /// the user waits for it. A window ahead of the selection (`.after`, `.before`) is read on
    /// `windowLoads` and answers through the inbox: the rows on screen are loaded already, and
    /// while an import keeps the disk and both cores busy its reads take tens of milliseconds
    /// that a key press should not wait for.
    func loadPosts(_ request: PostWindowRequest, state: AppState) throws -> [Action] {
        let filter = BlogStore.PostFilter(request.filter)
        let loader = PostWindowLoader(store: store, writes: writes)
        let start: PostWindowLoader.Start
        switch request.anchor {
        case .newest:
            return [.postsLoaded(request, try loader.load(.newest, filter: filter, limit: request.limit))]
        case .oldest:
            return [.postsLoaded(request, try loader.load(.oldest, filter: filter, limit: request.limit))]
        case .after(let postID):
            guard let cursor = try cursor(for: postID, state: state) else {
                return [.postsLoaded(request, Self.noPosts)]
            }
            start = .after(cursor)
        case .before(let postID):
            guard let cursor = try cursor(for: postID, state: state) else {
                return [.postsLoaded(request, Self.noPosts)]
            }
            start = .before(cursor)
        }
        let inbox = self.inbox
        let inFlight = windowsInFlight
        inFlight.add(1)
        windowLoads.async {
            // Answered before it counts as done, so a loop that sees none in flight finds it.
            defer { inFlight.add(-1) }
            do {
                inbox.post(.postsLoaded(request, try loader.load(start, filter: filter, limit: request.limit)))
            } catch {
                inbox.post(.message("\(error)", isError: true))
            }
        }
        return []
    }

    /// True while a window read in the background has not answered yet.
    public var isAwaitingBackgroundAnswers: Bool { !windowsInFlight.isZero }

    /// Waits up to `timeout` seconds for the windows asked for so far to answer (in the inbox).
    public func waitForBackgroundAnswers(timeout: TimeInterval) {
        let done = DispatchSemaphore(value: 0)
        // The queue is serial: this runs once every earlier read has answered.
        windowLoads.async { done.signal() }
        _ = done.wait(timeout: .now() + timeout)
    }

    private static let noPosts = PostPage(posts: [], total: 0, unreadTotal: 0)

    /// The list position of `postID`: from the loaded window, else from the cache.
    private func cursor(for postID: Int64, state: AppState) throws -> PostCursor? {
        if let summary = state.posts.window.first(where: { $0.id == postID }) { return PostCursor(summary) }
        guard let post = try store.post(id: postID) else { return nil }
        return PostCursor(PostSummary(id: post.id, blogID: post.blogID, title: post.title, published: post.published))
    }
}
