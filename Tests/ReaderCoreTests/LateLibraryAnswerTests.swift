import BlogModel
import XCTest

@testable import ReaderCore

/// Bulk changes (`A`, `u`, removing a blog) answered long after the user confirmed them:
/// another process held the cache's write lock, and the user kept reading meanwhile.
final class LateLibraryAnswerTests: XCTestCase {
    private typealias F = ReaderFixtures

    private let blog = MarkReadScope.blog(id: 1, title: "Civic Notes")

    /// A started reader on ten unread posts of "Civic Notes", the mark-read confirmed.
    private func makeConfirmedMarkRead() -> AppState {
        var (state, _) = F.makeStartedState(total: 10)
        for index in state.posts.window.indices { state.posts.window[index].blogTitle = "Civic Notes" }
        F.press(&state, .character("A"))
        _ = reduce(&state, .library(.unreadCounted(blog, 10)))
        XCTAssertEqual(F.press(&state, .character("y")), [.library(.markRead(blog, list: .all))])
        return state
    }

    func testTheMarkLandsWhereverTheUserMovedAndTheUndoStillWorks() {
        // Given a confirmed mark-read still waiting for the lock, and the user reading on
        var state = makeConfirmedMarkRead()
        _ = reduce(&state, .writesWaiting(true))
        XCTAssertEqual(F.press(&state, .character("j"), .character("j")), [.loadPost(postID: 9), .loadPost(postID: 8)])
        XCTAssertEqual(state.status, .waitingForWriter)

        // When the answer comes, and then the news that nothing waits any more
        let effects = reduce(&state, .library(.markedRead(blog, postIDs: Array(1...10), list: .all, listUnread: 0)))
        _ = reduce(&state, .writesWaiting(false))

        // Then every post shows read, the count says so, the selection stayed where the user
        // moved it, and the status line keeps what was done
        XCTAssertEqual(effects, [])
        XCTAssertTrue(state.posts.window.allSatisfy { !$0.unread })
        XCTAssertEqual(state.posts.unreadTotal, 0)
        XCTAssertEqual(state.posts.selectedPost?.id, 8)
        XCTAssertEqual(state.status?.text, "Marked 10 posts of Civic Notes read; u undoes")
        // And u takes it back
        XCTAssertEqual(F.press(&state, .character("u")), [.library(.markUnread(postIDs: Array(1...10), list: .all))])
    }

    func testAMarkAnsweredInAnotherListCountsThatListAgain() {
        // Given a confirmed mark-read waiting, and the user switched to a category's list,
        // read from the cache before the mark was made
        var state = makeConfirmedMarkRead()
        let swift = PostFilterDescription(filter: .category("swift"), label: "Category: Swift")
        let reload = state.reloadPosts(filter: swift)
        guard case .loadPosts(let request) = reload.first else { return XCTFail("the list should load") }
        _ = reduce(&state, .postsLoaded(request, PostPage(posts: F.makeSummaries([9, 7]), total: 2, unreadTotal: 2)))

        // When the answer comes
        let effects = reduce(&state, .library(.markedRead(blog, postIDs: Array(1...10), list: .all, listUnread: 0)))

        // Then the posts it changed show read, the list counts again keeping the selected
        // post, and no undo is kept for a list the user left
        XCTAssertTrue(state.posts.window.allSatisfy { !$0.unread })
        XCTAssertEqual(
            effects, [.loadPosts(PostWindowRequest(filter: .category("swift"), anchor: .newest, limit: 100))])
        XCTAssertEqual(F.press(&state, .character("u")), [])
    }

    func testARemovalAnsweredAfterTheUserLeftTheBlogListKeepsTheirPlace() {
        // Given the user confirmed removing blog 2 from the blog list, then went back to
        // reading the whole list, three posts down
        var (state, _) = F.makeStartedState(total: 10)
        F.press(&state, .character("f"), .enter)
        _ = reduce(&state, .facetsLoaded(.blog, [Facet(name: "Other Blog", value: "2", count: 4)]))
        F.press(&state, .character("X"))
        _ = reduce(
            &state,
            .library(
                .removalPreviewed(
                    BlogRemovalPreview(
                        blogID: 2, title: "Other Blog", postCount: 4, commentCount: 0, draftCount: 0))))
        XCTAssertEqual(F.press(&state, .character("y")), [.library(.removeBlog(blogID: 2))])
        F.press(&state, .escape, .escape)
        XCTAssertEqual(state.mode, .normal)
        F.press(&state, .character("j"), .character("j"), .character("j"))

        // When the answer comes
        let effects = reduce(
            &state, .library(.blogRemoved(blogID: 2, message: "removed \"Other Blog\" (4 posts, 0 comments)")))

        // Then the blog list stays closed, the status line says what went, and the list
        // loads its first window again with the selected post kept in place
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(state.status?.text, "removed \"Other Blog\" (4 posts, 0 comments)")
        XCTAssertEqual(effects, [.loadPosts(PostWindowRequest(filter: .all, anchor: .newest, limit: 100))])
        _ = reduce(
            &state,
            .postsLoaded(
                PostWindowRequest(filter: .all, anchor: .newest, limit: 100),
                PostPage(posts: F.makeSummaries([10, 9, 8, 7, 6, 5]), total: 6, unreadTotal: 6)))
        XCTAssertEqual(state.posts.selectedPost?.id, 7)
    }

    func testARemovalLeavesAnotherBlogsListAlone() {
        // Given the list filtered to blog 1, three posts down
        var (state, _) = F.makeStartedState(total: 10)
        state.posts.filter = PostFilterDescription(filter: .blog(1), label: "Blog: Civic Notes")
        F.press(&state, .character("j"), .character("j"), .character("j"))

        // When blog 2's removal is answered, Then the list is left as it is
        XCTAssertEqual(reduce(&state, .library(.blogRemoved(blogID: 2, message: "removed"))), [])
        XCTAssertEqual(state.posts.selectedPost?.id, 7)
        XCTAssertEqual(state.status?.text, "removed")
    }
}
