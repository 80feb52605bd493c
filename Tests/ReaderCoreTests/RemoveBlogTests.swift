import BlogModel
import XCTest

@testable import ReaderCore

/// Removing a blog from the filter list's blogs (`f`, Blog, `X`), after asking.
final class RemoveBlogTests: XCTestCase {
    private typealias F = ReaderFixtures

    private let facets = [
        Facet(name: "Civic Notes", value: "1", count: 10), Facet(name: "Other Blog", value: "2", count: 4),
    ]

    /// A started reader with the filter list open on blogs, `selected` chosen.
    private func makeBlogList(selected: Int = 0) -> AppState {
        var (state, _) = F.makeStartedState(total: 10)
        F.press(&state, .character("f"))
        F.press(&state, .enter)
        _ = reduce(&state, .facetsLoaded(.blog, facets))
        for _ in 0..<selected { F.press(&state, .character("j")) }
        return state
    }

    private let preview = BlogRemovalPreview(
        blogID: 2, title: "Other Blog", postCount: 4, commentCount: 12, draftCount: 2)

    func testTheSelectedBlogIsRemovedOnlyAfterYesAndTheListsReload() {
        // Given the blog list with the second blog selected
        var state = makeBlogList(selected: 1)
        // When X is pressed, Then the cache counts what would go
        XCTAssertEqual(F.press(&state, .character("X")), [.library(.previewRemoval(blogID: 2))])
        _ = reduce(&state, .library(.removalPreviewed(preview)))
        // And the question names the blog, what goes, and the drafts that stay
        guard case .confirm(let question) = state.mode else { return XCTFail("a question should be open") }
        XCTAssertEqual(question.question, "Remove \"Other Blog\" (4 posts, 12 comments)? Its 2 drafts will be kept.")
        // When the answer is no, Then the blog list is back, as it was
        XCTAssertEqual(F.press(&state, .character("n")), [])
        guard case .filterPicker(let picker) = state.mode else { return XCTFail("the blog list should be back") }
        XCTAssertEqual(picker.selected, 1)

        // When X again, and yes
        F.press(&state, .character("X"))
        _ = reduce(&state, .library(.removalPreviewed(preview)))
        XCTAssertEqual(F.press(&state, .character("y")), [.library(.removeBlog(blogID: 2))])
        let effects = reduce(
            &state, .library(.blogRemoved(blogID: 2, message: "removed \"Other Blog\" (4 posts, 12 comments)")))
        // Then the status line says what went, and the blog list and the posts load again
        XCTAssertEqual(state.status?.text, "removed \"Other Blog\" (4 posts, 12 comments)")
        XCTAssertEqual(
            effects, [.loadFacets(.blog), .loadPosts(PostWindowRequest(filter: .all, anchor: .newest, limit: 100))])
        guard case .filterPicker(let reloading) = state.mode else { return XCTFail("the blog list should stay open") }
        XCTAssertTrue(reloading.isLoading)
    }

    func testRemovingTheBlogTheListShowsShowsAllPosts() {
        // Given the list filtered to blog 2
        var (state, _) = F.makeStartedState(total: 10)
        state.posts.filter = PostFilterDescription(filter: .blog(2), label: "Blog: Other Blog")
        // When blog 2 is removed
        let effects = reduce(&state, .library(.blogRemoved(blogID: 2, message: "removed")))
        // Then the list shows all posts
        XCTAssertEqual(state.posts.filter, .all)
        XCTAssertEqual(effects, [.loadPosts(PostWindowRequest(filter: .all, anchor: .newest, limit: 100))])
    }

    func testOnlyABlogCanBeRemoved() {
        // Given the filter list on categories
        var (state, _) = F.makeStartedState(total: 10)
        F.press(&state, .character("f"))
        F.press(&state, .character("j"))
        F.press(&state, .enter)
        _ = reduce(&state, .facetsLoaded(.category, [Facet(name: "Swift", value: "swift", count: 3)]))
        // When X is pressed, Then nothing is asked, and the status line says why
        XCTAssertEqual(F.press(&state, .character("X")), [])
        XCTAssertEqual(state.status?.text, "Only blogs can be removed: choose Blog in this list first")
        // And in the post list X does nothing
        F.press(&state, .escape)
        F.press(&state, .escape)
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(F.press(&state, .character("X")), [])
    }

    func testTheRemoveKeyIsListedInTheHelp() {
        // Given the standard keys, Then the help lists the new commands with their keys
        let entries = KeyMap.standard.helpEntries
        XCTAssertEqual(entries.first { $0.name == "remove-blog" }?.keys, "X")
        XCTAssertEqual(entries.first { $0.name == "mark-blog-read" }?.keys, "A")
        XCTAssertEqual(entries.first { $0.name == "mark-list-read" }?.keys, "R")
        XCTAssertEqual(entries.first { $0.name == "undo" }?.keys, "u")
    }
}
