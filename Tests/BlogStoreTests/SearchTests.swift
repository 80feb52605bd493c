import BlogModel
import BlogStore
import XCTest

final class SearchTests: XCTestCase {
    private func makeStore(deferIndex: Bool = false) throws -> (LibraryStore, postID: Int64, commentID: Int64) {
        let store = try LibraryStore.inMemory()
        let (postID, commentID) = try store.writeSession(deferSearchIndex: deferIndex) { session in
            let blogID = try session.upsertBlog(StoreFixtures.makeBlog())
            let post = StoreFixtures.makePost(1, blogID: blogID, title: "Café culture")
            let postID = try session.upsertPost(
                post, listed: true, searchText: "Espresso in Vienna. 東京の喫茶店で珈琲を飲む。"
            ).id
            let comment = StoreFixtures.makeComment(1, postID: postID)
            let commentID = try session.upsertComment(
                comment, searchText: "I prefer \"flat white\" AND cortado -- 北京烤鸭也好吃"
            ).id
            return (postID, commentID)
        }
        return (store, postID, commentID)
    }

    func testFindsPostAndCommentText() throws {
        for deferIndex in [false, true] {
            // Given an indexed (or not yet indexed) post and comment
            let (store, postID, commentID) = try makeStore(deferIndex: deferIndex)

            // When searching words of each
            let postHits = try store.search("vienna espresso", limit: 10)
            let commentHits = try store.search("cortado", limit: 10)

            // Then each is found, with a snippet and the post's title
            XCTAssertEqual(postHits.map(\.postID), [postID], "defer \(deferIndex)")
            XCTAssertNil(postHits.first?.commentID)
            XCTAssertTrue(postHits.first?.snippet.contains("Vienna") ?? false, "\(postHits)")
            XCTAssertEqual(commentHits.map(\.commentID), [commentID], "defer \(deferIndex)")
            XCTAssertEqual(commentHits.first?.title, "Café culture")
            // And each names its blog, so a result list needs no further reads
            XCTAssertEqual(postHits.first?.blogTitle, StoreFixtures.makeBlog().title)
            XCTAssertEqual(commentHits.first?.blogTitle, StoreFixtures.makeBlog().title)
            if !deferIndex {
                // Only the index folds diacritics; the scan of not-yet-indexed rows matches as typed.
                XCTAssertEqual(try store.search("cafe", limit: 10).map(\.postID), [postID])
            }
            XCTAssertEqual(try store.postCount(PostFilter(searchText: "espresso")), 1)
        }
    }

    func testFindsCJKWordsInsideSentences() throws {
        // Given text in Japanese and Chinese without spaces
        let (store, postID, commentID) = try makeStore()

        // Then two-character words inside a sentence are found
        XCTAssertEqual(try store.search("珈琲", limit: 10).map(\.postID), [postID])
        XCTAssertEqual(try store.search("烤鸭", limit: 10).map(\.commentID), [commentID])
        XCTAssertEqual(try store.postCount(PostFilter(searchText: "喫茶店")), 1)
    }

    func testQuotesAndOperatorsInUserTextAreSearchedLiterally() throws {
        // Given an indexed cache
        let (store, _, commentID) = try makeStore()

        // When the user types FTS syntax and stray quotes
        for text in ["\"flat white\"", "flat\" OR", "NEAR(", "AND", "white*", "-- ^", "\"", "100%_"] {
            // Then search never fails
            XCTAssertNoThrow(try store.search(text, limit: 10), text)
            XCTAssertNoThrow(try store.postCount(PostFilter(searchText: text)), text)
        }
        XCTAssertEqual(try store.search("\"flat white\"", limit: 10).map(\.commentID), [commentID])
        XCTAssertEqual(try store.search("nothing-like-this", limit: 10), [])
    }
}
