import BlogModel
import XCTest

@testable import ReaderCore

/// `A` (the selected post's blog) and `C` (the list as filtered) mark read after asking;
/// `u` takes the latest back until the list is left.
final class MarkReadTests: XCTestCase {
    private typealias F = ReaderFixtures

    /// A started reader on ten unread posts of blog 1, "Civic Notes".
    private func makeState() -> AppState {
        var (state, _) = F.makeStartedState(total: 10)
        for index in state.posts.window.indices { state.posts.window[index].blogTitle = "Civic Notes" }
        return state
    }

    private func unreadIDs(_ state: AppState) -> [Int64] { state.posts.window.filter(\.unread).map(\.id) }

    func testABlogIsMarkedReadOnlyAfterYesAndUndoBringsBackExactlyWhatWasUnread() {
        // Given ten posts of one blog, two of them read already
        var state = makeState()
        state.posts.window[1].unread = false
        state.posts.window[4].unread = false
        state.posts.unreadTotal = 8
        // When A is pressed, Then the cache is asked how many posts of the blog are unread
        let blog = MarkReadScope.blog(id: 1, title: "Civic Notes")
        XCTAssertEqual(F.press(&state, .character("A")), [.library(.countUnread(blog))])
        // When it answers, Then the user is asked, with the number
        XCTAssertEqual(reduce(&state, .library(.unreadCounted(blog, 8))), [])
        guard case .confirm(let question) = state.mode else { return XCTFail("a question should be open") }
        XCTAssertEqual(question.question, "Mark 8 unread posts of Civic Notes as read?")
        // When the answer is no, Then nothing is marked
        XCTAssertEqual(F.press(&state, .character("n")), [])
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(unreadIDs(state).count, 8)

        // When A is pressed again and the answer is yes
        F.press(&state, .character("A"))
        _ = reduce(&state, .library(.unreadCounted(blog, 8)))
        let changed: [Int64] = [10, 8, 7, 5, 4, 3, 2, 1]
        XCTAssertEqual(F.press(&state, .character("y")), [.library(.markRead(blog, list: .all))])
        _ = reduce(&state, .library(.markedRead(blog, postIDs: changed, list: .all, listUnread: 0)))
        // Then every post shows read, the list's count says so, and the status line offers the undo
        XCTAssertEqual(unreadIDs(state), [])
        XCTAssertEqual(state.posts.unreadTotal, 0)
        XCTAssertEqual(state.status?.text, "Marked 8 posts of Civic Notes read; u undoes")

        // When u is pressed, Then exactly the posts that changed are set unread again
        XCTAssertEqual(F.press(&state, .character("u")), [.library(.markUnread(postIDs: changed, list: .all))])
        _ = reduce(&state, .library(.unreadRestored(postIDs: changed, list: .all, listUnread: 8)))
        XCTAssertEqual(unreadIDs(state), changed)
        XCTAssertEqual(state.posts.unreadTotal, 8)
        XCTAssertEqual(state.status?.text, "Marked 8 posts of Civic Notes unread again")
        // And a second u has nothing left to undo
        XCTAssertEqual(F.press(&state, .character("u")), [])
        XCTAssertEqual(state.status?.text, "Nothing to undo in this list")
    }

    func testTheWholeListIsMarkedInItsFilterAndNothingUnreadAsksNothing() {
        // Given a list filtered by a category
        var state = makeState()
        let category = PostFilterDescription(filter: .category("swift"), label: "Category: Swift")
        state.posts.filter = category
        // When C is pressed, Then the count asked for is the list's, as filtered
        XCTAssertEqual(F.press(&state, .character("R")), [.library(.countUnread(.list(category)))])
        _ = reduce(&state, .library(.unreadCounted(.list(category), 3)))
        guard case .confirm(let question) = state.mode else { return XCTFail("a question should be open") }
        XCTAssertEqual(question.question, "Mark 3 unread posts in Category: Swift as read?")
        XCTAssertEqual(
            F.press(&state, .character("y")), [.library(.markRead(.list(category), list: .category("swift")))])

        // When nothing in the list is unread, Then no question, only a word on the status line
        F.press(&state, .character("R"))
        _ = reduce(&state, .library(.unreadCounted(.list(category), 0)))
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(state.status?.text, "No unread posts in Category: Swift")
    }

    func testUndoLastsUntilTheListIsLeft() {
        // Given the blog was marked read
        var state = makeState()
        let blog = MarkReadScope.blog(id: 1, title: "Civic Notes")
        _ = reduce(&state, .library(.markedRead(blog, postIDs: [10, 9], list: .all, listUnread: 8)))
        XCTAssertEqual(state.readUndo.count, 1)
        // When another filter is chosen and cleared again (back to the same posts)
        F.press(&state, .character("f"))
        F.press(&state, .enter)
        _ = reduce(&state, .facetsLoaded(.blog, [Facet(name: "Civic Notes", value: "1", count: 10)]))
        F.press(&state, .enter)
        F.press(&state, .character("F"))
        // Then u has nothing to undo: that list was left
        XCTAssertEqual(F.press(&state, .character("u")), [])
        XCTAssertEqual(state.status?.text, "Nothing to undo in this list")
    }

    func testTheKeysComeFromTheKeyMap() throws {
        // Given the user moved mark-blog-read and undo to other keys
        var state = makeState()
        state.keyMap = try KeyMap(overrides: ["mark-blog-read": ["M"], "undo": ["U"]])
        // When the old key is pressed, Then nothing happens; the new one asks
        XCTAssertEqual(F.press(&state, .character("A")), [])
        XCTAssertEqual(F.press(&state, .character("M")).count, 1)
        // And the status line names the undo key the user chose
        _ = reduce(
            &state, .library(.markedRead(.blog(id: 1, title: "Civic Notes"), postIDs: [10], list: .all, listUnread: 9)))
        XCTAssertEqual(state.status?.text, "Marked 1 post of Civic Notes read; U undoes")
    }
}
