import BlogModel
import LecternTestSupport
import XCTest

@testable import BlogStore

final class SearchBacklogTests: XCTestCase {
    private func store(posts: Int) throws -> LibraryStore {
        let store = try LibraryStore.inMemory()
        try store.storeUnindexedPosts(posts)
        return store
    }

    func testASmallBacklogWaitsForABatch() throws {
        // Given three posts stored but not indexed
        let store = try store(posts: 3)
        // When a sync offers to index once four wait
        XCTAssertEqual(try store.indexSearchBacklog(atLeast: 4), 0)
        // Then they still wait (search finds them by scanning meanwhile)
        XCTAssertEqual(try store.pendingSearchIndexCount(), 3)
        XCTAssertEqual(try store.search("walrus", limit: 10).count, 3)
    }

    func testABatchIsIndexedWhole() throws {
        // Given five posts stored but not indexed
        let store = try store(posts: 5)
        // When a sync offers to index once four wait
        XCTAssertEqual(try store.indexSearchBacklog(atLeast: 4), 5)
        // Then all of them are in the index
        XCTAssertEqual(try store.pendingSearchIndexCount(), 0)
        XCTAssertEqual(try store.search("walrus", limit: 10).count, 5)
    }

    func testABacklogOverTheLimitIsLeftWhole() throws {
        // Given five posts stored but not indexed
        let store = try store(posts: 5)
        // When the end of a sync offers to index them if at most four wait
        XCTAssertEqual(try store.indexSearchBacklog(ifAtMost: 4), 0)
        // Then all five wait, found by a scan
        XCTAssertEqual(try store.pendingSearchIndexCount(), 5)
        XCTAssertEqual(try store.search("walrus", limit: 10).count, 5)
    }

    func testABacklogWithinTheLimitIsIndexedWhole() throws {
        let store = try store(posts: 4)
        XCTAssertEqual(try store.indexSearchBacklog(ifAtMost: 4), 4)
        XCTAssertEqual(try store.pendingSearchIndexCount(), 0)
        XCTAssertEqual(try store.search("walrus", limit: 10).count, 4)
    }

    func testStepsIndexAtMostTheirRowsUntilNothingWaits() throws {
        let store = try store(posts: 5)
        XCTAssertEqual(try store.indexSearchBacklog(upTo: 2, waitingAtMost: 0.1), 2)
        XCTAssertEqual(try store.pendingSearchIndexCount(), 3)
        XCTAssertEqual(try store.indexSearchBacklog(upTo: 2, waitingAtMost: 0.1), 2)
        XCTAssertEqual(try store.indexSearchBacklog(upTo: 2, waitingAtMost: 0.1), 1)
        XCTAssertEqual(try store.indexSearchBacklog(upTo: 2, waitingAtMost: 0.1), 0)
        XCTAssertEqual(try store.search("walrus", limit: 10).count, 5)
    }
}
