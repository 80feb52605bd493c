import BlogModel
import XCTest

@testable import ReaderCore

final class PostListTests: XCTestCase {
    private typealias F = ReaderFixtures

    func testOpeningTheReaderSelectsAndLoadsTheNewestPost() {
        // Given a started reader with 10 posts, Then the newest is selected and its article and thread load
        let (state, effects) = F.makeStartedState(total: 10)
        XCTAssertEqual(state.posts.selected, 0)
        XCTAssertEqual(state.posts.selectedPost?.id, 10)
        XCTAssertEqual(effects, [.loadPost(postID: 10)])
        XCTAssertEqual(state.article.loadingPostID, 10)
    }

    func testLoadedArticleIsShownAndMarkedRead() {
        var (state, _) = F.makeStartedState(total: 10)
        // When the article arrives
        let effects = reduce(&state, .postLoaded(F.makePost(10), RichText(blocks: [.paragraph([RichSpan("Hi")])])))
        // Then it shows, counts one unread fewer, and asks to persist the read state
        XCTAssertEqual(state.article.post?.id, 10)
        XCTAssertNil(state.article.loadingPostID)
        XCTAssertFalse(state.posts.selectedPost!.unread)
        XCTAssertEqual(state.posts.unreadTotal, 9)
        XCTAssertEqual(effects, [.setPostRead(postID: 10, read: true)])
    }

    func testJAndKMoveTheSelectionAndLoadThatPost() {
        var (state, _) = F.makeStartedState(total: 10)
        // When j is pressed twice and k once
        XCTAssertEqual(F.press(&state, .character("j")), [.loadPost(postID: 9)])
        F.press(&state, .down)
        let back = F.press(&state, .character("k"))
        // Then post 9 is selected again and loaded
        XCTAssertEqual(state.posts.selectedPost?.id, 9)
        XCTAssertEqual(back, [.loadPost(postID: 9)])
        // And k at the top does nothing
        F.press(&state, .character("k"), .character("k"))
        XCTAssertEqual(F.press(&state, .character("k")), [])
        XCTAssertEqual(state.posts.selected, 0)
    }

    func testLeavingALoadedThreadMarksItsCommentsSeen() {
        var (state, _) = F.makeStartedState(total: 10)
        _ = reduce(&state, F.threadLoaded(postID: 10, [F.makeComment(1, isNew: true, postID: 10)]))
        XCTAssertEqual(F.press(&state, .character("j")), [.markCommentsSeen(postID: 10), .loadPost(postID: 9)])
    }

    func testSelectionNearTheWindowEdgeRequestsTheNextWindow() {
        // Given 1,000 posts loaded 100 at a time
        var (state, _) = F.makeStartedState(total: 1000, limit: 100)
        XCTAssertEqual(state.posts.window.count, 100)
        // When the selection pages down towards the end of the window
        var effects: [Effect] = []
        for _ in 0..<80 { effects += F.press(&state, .character("j")) }
        // Then exactly one request for the posts after the last loaded one goes out
        let loads = effects.filter { if case .loadPosts = $0 { return true } else { return false } }
        XCTAssertEqual(loads, [.loadPosts(PostWindowRequest(filter: .all, anchor: .after(postID: 901), limit: 100))])
        XCTAssertTrue(state.posts.isLoadingOlder)
        // When it arrives, Then the window grows and keeps its absolute indices
        let request = PostWindowRequest(filter: .all, anchor: .after(postID: 901), limit: 100)
        let page = PostPage(
            posts: F.makeSummaries(F.makeIDs(total: 1000, from: 100, count: 100)), total: 1000, unreadTotal: 1000)
        _ = reduce(&state, .postsLoaded(request, page))
        XCTAssertEqual(state.posts.windowStart, 0)
        XCTAssertEqual(state.posts.window.count, 200)
        XCTAssertEqual(state.posts.post(at: 150)?.id, 850)
        XCTAssertFalse(state.posts.isLoadingOlder)
    }

    func testBottomLoadsTheOldestWindowAndNewerOnesOnTheWayBack() {
        var (state, _) = F.makeStartedState(total: 1000, limit: 100)
        // Given the window slid to the oldest posts with G
        let effects = F.press(&state, .character("G"))
        XCTAssertEqual(effects, [.loadPosts(PostWindowRequest(filter: .all, anchor: .oldest, limit: 100))])
        let oldest = PostPage(
            posts: F.makeSummaries(F.makeIDs(total: 1000, from: 900, count: 100)), total: 1000, unreadTotal: 1000)
        let opened = reduce(&state, .postsLoaded(PostWindowRequest(filter: .all, anchor: .oldest, limit: 100), oldest))
        XCTAssertEqual(state.posts.selected, 999)
        XCTAssertEqual(state.posts.selectedPost?.id, 1)
        XCTAssertEqual(opened, [.loadPost(postID: 1)])
        // When the user moves up towards the window's start
        var loads: [Effect] = []
        for _ in 0..<80 {
            loads += F.press(&state, .character("k")).filter {
                if case .loadPosts = $0 { return true } else { return false }
            }
        }
        // Then the newer neighbours are requested before post 100
        XCTAssertEqual(loads, [.loadPosts(PostWindowRequest(filter: .all, anchor: .before(postID: 100), limit: 100))])
        let newer = PostPage(
            posts: F.makeSummaries(F.makeIDs(total: 1000, from: 800, count: 100)), total: 1000, unreadTotal: 1000)
        _ = reduce(
            &state, .postsLoaded(PostWindowRequest(filter: .all, anchor: .before(postID: 100), limit: 100), newer))
        XCTAssertEqual(state.posts.windowStart, 800)
        XCTAssertEqual(state.posts.post(at: 800)?.id, 200)
        XCTAssertEqual(state.posts.selectedPost?.id, 81)
    }

    func testWindowNeverHoldsMoreThanThreeLoads() {
        // Given 1,000 posts and a selection walking all the way down
        var (state, _) = F.makeStartedState(total: 1000, limit: 100)
        for _ in 0..<999 {
            for effect in F.press(&state, .character("j")) {
                guard case .loadPosts(let request) = effect, case .after(let id) = request.anchor else { continue }
                let from = 1000 - Int(id) + 1
                let page = PostPage(
                    posts: F.makeSummaries(F.makeIDs(total: 1000, from: from, count: 100)), total: 1000,
                    unreadTotal: 1000)
                _ = reduce(&state, .postsLoaded(request, page))
            }
        }
        // Then the last post is reached, yet at most 300 summaries are held
        XCTAssertEqual(state.posts.selectedPost?.id, 1)
        XCTAssertLessThanOrEqual(state.posts.window.count, 300)
        XCTAssertEqual(state.posts.windowEnd, 1000)
    }

    func testMousePressSelectsTheRowUnderThePointer() {
        // Given 120×40: the list's header is row 0, posts start on row 1
        var (state, _) = F.makeStartedState(total: 10)
        state.focus = .thread
        let effects = reduce(&state, .input(.mouse(MouseEvent(action: .press, column: 5, row: 4))))
        XCTAssertEqual(state.focus, .posts)
        XCTAssertEqual(state.posts.selectedPost?.id, 7)
        XCTAssertEqual(effects, [.loadPost(postID: 7)])
    }

    func testSyncFinishedRefreshesTheTopOfTheList() {
        var (state, _) = F.makeStartedState(total: 10)
        F.press(&state, .character("j"))
        let effects = reduce(&state, .syncFinished(message: "2 new posts", isError: false))
        let request = PostWindowRequest(filter: .all, anchor: .newest, limit: 100)
        XCTAssertEqual(effects, [.loadPosts(request), .loadConversations])
        // When two newer posts arrive, Then the selection stays on post 9
        _ = reduce(
            &state,
            .postsLoaded(
                request,
                PostPage(posts: F.makeSummaries(F.makeIDs(total: 12, from: 0, count: 100)), total: 12, unreadTotal: 12))
        )
        XCTAssertEqual(state.posts.selectedPost?.id, 9)
        XCTAssertEqual(state.posts.selected, 3)
    }

    func testTabCyclesPanesBothWays() {
        var (state, _) = F.makeStartedState()
        F.press(&state, .tab)
        XCTAssertEqual(state.focus, .article)
        F.press(&state, .tab)
        XCTAssertEqual(state.focus, .thread)
        F.press(&state, .tab)
        XCTAssertEqual(state.focus, .posts)
        F.press(&state, .backTab)
        XCTAssertEqual(state.focus, .thread)
    }

    func testNextUnreadSkipsReadPosts() {
        // Given posts 9 and 8 read
        var (state, _) = F.makeStartedState(total: 10, read: [9, 8])
        // When n is pressed, Then post 7 is selected
        XCTAssertEqual(F.press(&state, .character("n")), [.loadPost(postID: 7)])
        XCTAssertEqual(state.posts.selectedPost?.id, 7)
        // And N goes back to post 10
        F.press(&state, .character("N"))
        XCTAssertEqual(state.posts.selectedPost?.id, 10)
    }

    func testToggleReadFlipsTheSelectedPost() {
        var (state, _) = F.makeStartedState(total: 3)
        XCTAssertEqual(F.press(&state, .character("m")), [.setPostRead(postID: 3, read: true)])
        XCTAssertFalse(state.posts.selectedPost!.unread)
        XCTAssertEqual(state.posts.unreadTotal, 2)
        XCTAssertEqual(F.press(&state, .character("m")), [.setPostRead(postID: 3, read: false)])
    }

    func testScrollFollowsTheSelection() {
        // Given an 80×24 screen, the list pane is 7 rows: a header and 6 posts
        var (state, _) = F.makeStartedState(total: 50, size: ScreenSize(columns: 80, rows: 24))
        XCTAssertEqual(state.visibleRows(of: .posts), 6)
        for _ in 0..<8 { F.press(&state, .character("j")) }
        XCTAssertEqual(state.posts.selected, 8)
        XCTAssertEqual(state.posts.scrollTop, 3)
        F.press(&state, .character("g"))
        XCTAssertEqual(state.posts.scrollTop, 0)
    }

    func testStaleWindowForAnotherFilterIsIgnored() {
        var (state, _) = F.makeStartedState(total: 10)
        let stale = PostWindowRequest(filter: .tag("old"), anchor: .newest, limit: 100)
        XCTAssertEqual(reduce(&state, .postsLoaded(stale, PostPage(posts: [], total: 0, unreadTotal: 0))), [])
        XCTAssertEqual(state.posts.total, 10)
    }
}
