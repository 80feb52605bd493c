import BlogModel
import XCTest

@testable import ReaderCore

final class OverlayTests: XCTestCase {
    private typealias F = ReaderFixtures

    func testSearchFlow() {
        var (state, _) = F.makeStartedState(total: 10)
        // When / is pressed and "swift q" typed (q is text here, not quit)
        F.press(&state, .character("/"))
        F.type(&state, "swift qx")
        F.press(&state, .backspace)
        guard case .search(let typing) = state.mode else { return XCTFail("search prompt should be open") }
        XCTAssertEqual(typing.query, "swift q")
        XCTAssertEqual(typing.phase, .typing)
        // When Enter, Then a search effect runs
        XCTAssertEqual(F.press(&state, .enter), [.search(query: "swift q")])
        // When results arrive and the second is opened
        let rows = [
            SearchResultRow(postID: 4, title: "Post 4"), SearchResultRow(postID: 3, commentID: 77, title: "Post 3"),
        ]
        _ = reduce(&state, .searchResults(query: "swift q", rows))
        F.press(&state, .character("j"))
        let effects = F.press(&state, .enter)
        // Then the overlay closes, post 3 is selected and loads, and the thread will open on comment 77
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(state.posts.selectedPost?.id, 3)
        XCTAssertEqual(effects, [.loadPost(postID: 3)])
        XCTAssertEqual(state.focus, .thread)
        _ = reduce(
            &state, F.threadLoaded(postID: 3, [F.makeComment(70, postID: 3), F.makeComment(77, parent: 70, postID: 3)]))
        XCTAssertEqual(state.thread.selectedComment?.id, 77)
    }

    func testEscapeInSearchResultsReturnsToThePrompt() {
        var (state, _) = F.makeStartedState()
        F.press(&state, .character("/"))
        F.type(&state, "x")
        F.press(&state, .enter)
        _ = reduce(&state, .searchResults(query: "x", []))
        XCTAssertEqual(state.status?.text, "No matches for \"x\"")
        F.press(&state, .escape)
        guard case .search(let search) = state.mode else { return XCTFail("prompt expected") }
        XCTAssertEqual(search.phase, .typing)
        F.press(&state, .escape)
        XCTAssertEqual(state.mode, .normal)
    }

    func testFilterPickerFlow() {
        var (state, _) = F.makeStartedState(total: 10)
        // When f, Then the picker lists the kinds; j Enter picks "Category" and loads its facets
        F.press(&state, .character("f"))
        F.press(&state, .character("j"))
        XCTAssertEqual(F.press(&state, .enter), [.loadFacets(.category)])
        _ = reduce(
            &state,
            .facetsLoaded(
                .category, [Facet(name: "Swift", value: "swift", count: 3), Facet(name: "Go", value: "go", count: 1)]))
        // When the first facet is chosen
        let effects = F.press(&state, .enter)
        // Then the list restarts with that filter and its label
        let request = PostWindowRequest(filter: .category("swift"), anchor: .newest, limit: 100)
        XCTAssertEqual(effects, [.loadPosts(request)])
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(state.posts.filter.label, "Category: Swift")
        XCTAssertTrue(state.posts.isLoading)
        _ = reduce(
            &state, .postsLoaded(request, PostPage(posts: F.makeSummaries([8, 5, 2]), total: 3, unreadTotal: 3)))
        XCTAssertEqual(state.posts.total, 3)
        // When F, Then the filter is cleared and all posts reload
        XCTAssertEqual(
            F.press(&state, .character("F")), [.loadPosts(PostWindowRequest(filter: .all, anchor: .newest, limit: 100))]
        )
        XCTAssertEqual(state.posts.filter, .all)
    }

    func testBlogFacetsFilterByID() {
        var (state, _) = F.makeStartedState()
        F.press(&state, .character("f"), .enter)
        _ = reduce(&state, .facetsLoaded(.blog, [Facet(name: "Daring", value: "42", count: 9)]))
        XCTAssertEqual(
            F.press(&state, .enter), [.loadPosts(PostWindowRequest(filter: .blog(42), anchor: .newest, limit: 100))])
    }

    func testHelpOpensScrollsAndCloses() {
        var (state, _) = F.makeStartedState(size: ScreenSize(columns: 80, rows: 24))
        F.press(&state, .character("?"))
        XCTAssertEqual(state.mode, .help(scroll: 0))
        F.press(&state, .character("j"), .character("j"))
        XCTAssertEqual(state.mode, .help(scroll: 2))
        F.press(&state, .character("q"))
        XCTAssertEqual(state.mode, .normal)
    }

    func testQClosesOverlaysThenQuits() {
        var (state, _) = F.makeStartedState()
        F.press(&state, .character("D"))
        XCTAssertEqual(state.mode, .draftList(DraftListState(isLoading: true)))
        XCTAssertEqual(F.press(&state, .character("q")), [])
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(F.press(&state, .character("q")), [.quit])
    }

    func testQuitWhileSyncingAsksFirst() {
        var (state, _) = F.makeStartedState()
        XCTAssertEqual(F.press(&state, .character("s")), [.startSync])
        XCTAssertEqual(F.press(&state, .character("q")), [])
        guard case .confirm = state.mode else { return XCTFail("a question should be asked") }
        XCTAssertEqual(F.press(&state, .character("n")), [])
        XCTAssertEqual(state.mode, .normal)
        F.press(&state, .character("q"))
        XCTAssertEqual(F.press(&state, .character("y")), [.quit])
        _ = reduce(&state, .syncFinished(message: "Synced 3 blogs", isError: false))
        XCTAssertFalse(state.isSyncing)
        XCTAssertEqual(state.status, StatusMessage("Synced 3 blogs"))
    }

    func testQInOnePaneModeGoesBackToTheList() {
        var (state, _) = F.makeStartedState(size: ScreenSize(columns: 60, rows: 20))
        XCTAssertEqual(state.layoutMode, .single)
        F.press(&state, .enter)
        XCTAssertEqual(state.focus, .article)
        XCTAssertEqual(F.press(&state, .character("q")), [])
        XCTAssertEqual(state.focus, .posts)
    }

    func testOpenLinkByNumber() {
        var (state, _) = F.makeStartedState()
        _ = reduce(&state, .postLoaded(F.makePost(10), RichText(links: ["https://a.example", "https://b.example"])))
        F.press(&state, .character("o"))
        F.type(&state, "2x")
        XCTAssertEqual(state.mode, .linkPrompt(digits: "2"))
        XCTAssertEqual(F.press(&state, .enter), [.openURL("https://b.example")])
        // An empty number opens the post itself; a wrong one explains
        F.press(&state, .character("o"))
        XCTAssertEqual(F.press(&state, .enter), [.openURL("https://example.org/10")])
        F.press(&state, .character("o"))
        F.type(&state, "9")
        XCTAssertEqual(F.press(&state, .enter), [])
        XCTAssertEqual(state.status, StatusMessage("No link [9] in this article", isError: true))
    }

    func testRedrawWorksEvenInsideAPrompt() {
        var (state, _) = F.makeStartedState()
        F.press(&state, .character("/"))
        XCTAssertEqual(F.press(&state, .control("l")), [.redraw])
    }
}
