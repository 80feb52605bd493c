import BlogModel
import BlogStore
import LecternTestSupport
import XCTest

@testable import BlogSync

/// How much of the search index a sync builds (`SyncSearchIndexing`), on the generated blog
/// served over HTTP on 127.0.0.1: whatever is left unindexed is still found, by a scan.
final class SyncSearchIndexingTests: XCTestCase {
    private var served: ServedGeneratedBlog?
    private var server: SyncSiteServer { served!.server }

    override func setUpWithError() throws {
        served = try ServedGeneratedBlog.start()
    }

    override func tearDown() {
        served?.stop()
    }

    /// Syncs the generated blog into a fresh cache with `indexing`.
    private func sync(_ indexing: SyncSearchIndexing) async throws -> (LibraryStore, SyncResult) {
        let store = try LibraryStore.inMemory()
        let blog = try SyncFixtures.subscribe(store, feed: server.url("/etag/gen/rss.xml"), title: "RSS")
        let options = SyncOptions(connectTimeout: 2, totalTimeout: 5, retryCap: 1, searchIndex: indexing)
        let result = try await SyncEngine(store: store, options: options).sync([blog])[0]
        XCTAssertNil(result.error)
        return (store, result)
    }

    /// The id of a stored post and a word of its title, to search for.
    private func someTitleWord(in store: LibraryStore) throws -> (postID: Int64, word: String) {
        let post = try XCTUnwrap(store.postWindow(PostFilter(), after: nil, limit: 1).first)
        let word = try XCTUnwrap(post.title.split(separator: " ").first { $0.count > 3 })
        return (post.id, String(word))
    }

    func testASyncBringingMoreThanTheLimitLeavesItAllUnindexedAndStillFound() async throws {
        // When the blog's 15 posts and their comments arrive with a limit of 10 rows
        let (store, result) = try await sync(.whenAtMost(rows: 10))

        // Then none of it is indexed, and search finds a post by scanning
        XCTAssertEqual(result.newPosts, 15)
        XCTAssertEqual(try store.pendingSearchIndexCount(), 15 + result.newComments)
        let (postID, word) = try someTitleWord(in: store)
        XCTAssertTrue(try store.search(word, limit: 50).contains { $0.postID == postID && $0.commentID == nil })
    }

    func testASyncWithinTheLimitIndexesEverythingBeforeReturning() async throws {
        let (store, result) = try await sync(.whenAtMost(rows: 10_000))

        XCTAssertGreaterThan(result.newComments, 0)
        XCTAssertEqual(try store.pendingSearchIndexCount(), 0)
        let (postID, word) = try someTitleWord(in: store)
        XCTAssertTrue(try store.search(word, limit: 50).contains { $0.postID == postID && $0.commentID == nil })
    }

    func testACompleteSyncIndexesEverythingAndADeferredOneNothing() async throws {
        let (complete, _) = try await sync(.complete)
        XCTAssertEqual(try complete.pendingSearchIndexCount(), 0)

        let (deferred, result) = try await sync(.deferred)
        XCTAssertEqual(try deferred.pendingSearchIndexCount(), 15 + result.newComments)
    }
}
