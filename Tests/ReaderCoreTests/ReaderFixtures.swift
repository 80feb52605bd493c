import BlogModel
import Foundation
import XCTest

@testable import ReaderCore

/// Small builders for reader states, posts and threads.
enum ReaderFixtures {
    static let wide = ScreenSize(columns: 120, rows: 40)

    /// Post summaries with ids `ids`, titled "Post <id>", unread unless listed in `read`.
    static func makeSummaries(_ ids: [Int64], read: Set<Int64> = []) -> [PostSummary] {
        ids.map {
            PostSummary(
                id: $0, blogID: 1, title: "Post \($0)", link: "https://example.org/\($0)", unread: !read.contains($0))
        }
    }

    /// A list of `total` posts, newest first, with ids total…1 at absolute index 0…total-1.
    static func makeIDs(total: Int, from start: Int, count: Int) -> [Int64] {
        let end = min(total, start + count)
        guard start < end else { return [] }
        return (start..<end).map { Int64(total - $0) }
    }

    /// A reader that was started and received the first window of a `total`-post list.
    static func makeStartedState(
        total: Int = 10, limit: Int = 100, size: ScreenSize = wide, read: Set<Int64> = []
    ) -> (AppState, [Effect]) {
        var state = AppState(size: size)
        state.windowLimit = limit
        let start = reduce(&state, .start)
        guard case .loadPosts(let request) = start.first else {
            XCTFail("start should load posts, got \(start)")
            return (state, [])
        }
        let ids = makeIDs(total: total, from: 0, count: limit)
        let unread = (1...max(1, total)).filter { !read.contains(Int64($0)) }.count
        let effects = reduce(
            &state,
            .postsLoaded(
                request,
                PostPage(posts: makeSummaries(ids, read: read), total: total, unreadTotal: total == 0 ? 0 : unread)))
        return (state, effects)
    }

    static func makePost(_ id: Int64, links: [String] = []) -> Post {
        Post(id: id, blogID: 1, sourceID: "p\(id)", title: "Post \(id)", link: "https://example.org/\(id)")
    }

    /// A comment `id` replying to `parent`, dated `id` minutes into 2024 so ids give the order.
    static func makeComment(_ id: Int, parent: Int? = nil, isNew: Bool = false, postID: Int64 = 1) -> Comment {
        Comment(
            id: Int64(id), postID: postID, sourceID: "\(id)", parentSourceID: parent.map { "\($0)" },
            author: "Author \(id)", published: Date(timeIntervalSince1970: 1_704_067_200 + Double(id) * 60),
            contentHTML: "<p>Comment \(id)</p>", isNew: isNew)
    }

    /// A comment's text as the runner would convert it: its HTML without tags, one paragraph.
    static func makeText(_ comment: Comment) -> RichText {
        let text = comment.contentHTML.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        return RichText(blocks: [.paragraph([RichSpan(text)])])
    }

    /// The answer to loading a post's thread: its comments and their texts.
    static func threadLoaded(postID: Int64, _ comments: [Comment]) -> Action {
        .threadLoaded(postID: postID, comments, texts: comments.map(makeText))
    }

    /// Sends each key in turn and collects every effect.
    @discardableResult
    static func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(&state, .input(.key($0))) }
    }

    /// Sends the characters of `text` as keys.
    @discardableResult
    static func type(_ state: inout AppState, _ text: String) -> [Effect] {
        text.flatMap { reduce(&state, .input(.key(.character($0)))) }
    }

    /// A reader showing post 1 with `comments` in the thread pane, focused on the thread;
    /// each comment's text is `texts`' or else made by `makeText`.
    static func makeThreadState(_ comments: [Comment], texts: [RichText]? = nil, size: ScreenSize = wide) -> AppState {
        var state = AppState(size: size)
        state.thread.loadingPostID = 1
        _ = reduce(&state, .threadLoaded(postID: 1, comments, texts: texts ?? comments.map(makeText)))
        state.focus = .thread
        return state
    }

    /// The source id of the selected comment, for readable assertions.
    static func selectedID(_ state: AppState) -> String? { state.thread.selectedComment?.sourceID }

    /// Source ids of the rows on screen, in order.
    static func visibleIDs(_ state: AppState) -> [String] {
        state.thread.visibleRows.map { state.thread.thread.comment(at: $0).sourceID }
    }
}
