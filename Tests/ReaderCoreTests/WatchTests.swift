import BlogModel
import XCTest

@testable import ReaderCore

/// `w` watches a post's comments: the list shows it at once, the cache is told.
final class WatchTests: XCTestCase {
    private typealias F = ReaderFixtures

    func testWWatchesTheSelectedPostAndAgainStops() {
        // Given a started reader on post 10
        var (state, _) = F.makeStartedState(total: 10)
        // When w is pressed
        let effects = F.press(&state, .character("w"))
        // Then the post is watched at once and the cache is told
        XCTAssertEqual(effects, [.setWatched(postID: 10, watched: true)])
        XCTAssertEqual(state.posts.selectedPost?.watched, true)
        XCTAssertEqual(state.status?.text, "Watching \"Post 10\": sync follows its comments")
        // When w is pressed again, Then it stops
        XCTAssertEqual(F.press(&state, .character("w")), [.setWatched(postID: 10, watched: false)])
        XCTAssertEqual(state.posts.selectedPost?.watched, false)
        XCTAssertEqual(state.status?.text, "Stopped watching \"Post 10\"")
    }

    func testInTheThreadWWatchesTheOpenPost() {
        var (state, _) = F.makeStartedState(total: 10)
        _ = reduce(&state, F.threadLoaded(postID: 10, [F.makeComment(1, postID: 10)]))
        state.focus = .thread
        XCTAssertEqual(F.press(&state, .character("w")), [.setWatched(postID: 10, watched: true)])
    }

    func testAWatchSetThisSessionSurvivesAWindowReadBeforeTheCacheHadIt() {
        var (state, _) = F.makeStartedState(total: 10)
        F.press(&state, .character("w"))
        // When the top of the list is reloaded with the post still unwatched in the page
        let request = PostWindowRequest(filter: .all, anchor: .newest, limit: 100)
        _ = reduce(
            &state,
            .postsLoaded(
                request,
                PostPage(posts: F.makeSummaries(F.makeIDs(total: 10, from: 0, count: 100)), total: 10, unreadTotal: 10))
        )
        // Then the mark stays
        XCTAssertEqual(state.posts.selectedPost?.watched, true)
    }
}
