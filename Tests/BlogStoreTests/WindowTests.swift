import BlogModel
import BlogStore
import XCTest

final class WindowTests: XCTestCase {
    func testKeysetWindowsWalkAThousandPostsBothWays() throws {
        // Given 1,000 posts, some undated and some sharing a date
        let store = try LibraryStore.inMemory()
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 1000) { number, post in
            if number % 10 == 1 { post.published = StoreFixtures.base }
            if number % 97 == 0 { post.published = nil }
        }

        // When walking down in windows of 37, then back up from the end
        var down: [PostSummary] = []
        var cursor: PostCursor?
        while true {
            let window = try store.postWindow(PostFilter(), after: cursor, limit: 37)
            if window.isEmpty { break }
            down += window
            cursor = PostCursor(window.last!)
        }
        var up: [PostSummary] = []
        var top = PostCursor(down.last!)
        up.append(down.last!)
        while true {
            let window = try store.postWindow(PostFilter(), before: top, limit: 37)
            if window.isEmpty { break }
            up.insert(contentsOf: window, at: 0)
            top = PostCursor(window.first!)
        }

        // Then every post appears once, newest first, undated ones last, the same both ways
        XCTAssertEqual(down.count, 1000)
        XCTAssertEqual(Set(down.map(\.id)), Set(postIDs))
        XCTAssertEqual(up.map(\.id), down.map(\.id))
        let dated = down.prefix { $0.published != nil }
        XCTAssertEqual(dated.count, 1000 - 11)
        XCTAssertTrue(down.dropFirst(dated.count).allSatisfy { $0.published == nil })
        XCTAssertEqual(dated.map(\.published!), dated.map(\.published!).sorted(by: >))
        let index = try store.postIndex(of: down[500].id, filter: PostFilter())
        XCTAssertEqual(index, 500)
    }

    func testFiltersNarrowTheWindowAndCounts() throws {
        // Given posts by two authors with categories and tags, one of them read
        let store = try LibraryStore.inMemory()
        let (blogID, postIDs) = try StoreFixtures.importBlog(into: store, posts: 6) { number, post in
            post.author = number < 4 ? "alice" : "bob"
            post.categories = number.isMultiple(of: 2) ? ["Swift"] : ["Travel"]
            post.tags = number == 5 ? ["sqlite", "fts"] : ["sqlite"]
        }
        try store.markPostRead(postIDs[0])

        // Then each filter keeps the expected posts
        XCTAssertEqual(try store.postCount(PostFilter(blogID: blogID)), 6)
        XCTAssertEqual(try store.postCount(PostFilter(category: "Swift")), 3)
        XCTAssertEqual(try store.postCount(PostFilter(tag: "fts")), 1)
        XCTAssertEqual(try store.postCount(PostFilter(author: "bob")), 2)
        XCTAssertEqual(try store.unreadCount(PostFilter(category: "Swift")), 2)
        XCTAssertEqual(
            try store.postWindow(PostFilter(category: "Travel", unreadOnly: true), after: nil, limit: 10).map(\.id),
            [postIDs[5], postIDs[3], postIDs[1]])
        XCTAssertEqual(try store.postWindow(PostFilter(), after: nil, limit: 1).first?.categories, ["Travel"])
    }

    func testFacetsCountListedPosts() throws {
        // Given four listed posts and one unlisted page
        let store = try LibraryStore.inMemory()
        let blogID = try store.writeSession { session -> Int64 in
            let blogID = try session.upsertBlog(StoreFixtures.makeBlog())
            for number in 0..<4 {
                let post = StoreFixtures.makePost(
                    number, blogID: blogID, categories: number < 3 ? ["Swift"] : ["Travel"],
                    tags: ["a", number == 0 ? "b" : "c"], author: number == 0 ? "bob" : "alice")
                _ = try session.upsertPost(post, listed: true, searchText: "")
            }
            let page = StoreFixtures.makePost(99, blogID: blogID, categories: ["Travel"], author: "carol")
            _ = try session.upsertPost(page, listed: false, searchText: "")
            return blogID
        }

        // Then facets count only the listed posts, most common first
        XCTAssertEqual(try store.facets(.blog), [Facet(name: "Example", value: String(blogID), count: 4)])
        XCTAssertEqual(
            try store.facets(.category),
            [Facet(name: "Swift", value: "Swift", count: 3), Facet(name: "Travel", value: "Travel", count: 1)])
        XCTAssertEqual(try store.facets(.tag).map(\.count), [4, 3, 1])
        XCTAssertEqual(try store.facets(.author).map(\.name), ["alice", "bob"])
        XCTAssertEqual(try store.blogs().first?.postCount, 4)
    }
}
