import BlogModel
import BlogStore
import Foundation
import LecternTestSupport
import XCTest

@testable import ReaderRuntime

/// The reader indexes in the background what `lectern sync` left unindexed, and waits its
/// turn while another process writes.
final class SearchIndexCatchUpTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-catch-up-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A cache file holding `posts` posts stored but not indexed.
    private func cacheWithBacklog(posts: Int) throws -> String {
        let path = folder.appendingPathComponent("cache.sqlite").path
        try LibraryStore(path: path).storeUnindexedPosts(posts)
        return path
    }

    /// Waits (10 s at most) until nothing waits for the index.
    private func waitUntilIndexed(_ store: LibraryStore) throws -> Bool {
        for _ in 0..<200 {
            if try store.pendingSearchIndexCount() == 0 { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    func testTheBacklogIsIndexedInTheBackground() throws {
        // Given a cache a sync left with 5,000 posts unindexed (three steps' worth)
        let store = try LibraryStore(path: try cacheWithBacklog(posts: 5_000))
        // When the reader starts catching up
        let catchUp = SearchIndexCatchUp(store: store)
        catchUp.start()
        defer { catchUp.stop() }
        // Then the index soon covers them all
        XCTAssertTrue(try waitUntilIndexed(store))
        XCTAssertEqual(try store.search("walrus", limit: 10).count, 10)
    }

    func testItWaitsWhileAnotherProcessHoldsTheWriteLock() throws {
        // Given another connection (an import) holding the write lock
        let path = try cacheWithBacklog(posts: 10)
        let store = try LibraryStore(path: path)
        let other = try LibraryStore(path: path)
        let released = expectation(description: "the other writer let go")
        let holding = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? other.writeSession(deferSearchIndex: true) { _ in
                holding.signal()
                Thread.sleep(forTimeInterval: 1.5)
            }
            released.fulfill()
        }
        holding.wait()
        // When the reader starts catching up meanwhile
        let catchUp = SearchIndexCatchUp(store: store)
        catchUp.start()
        defer { catchUp.stop() }
        // Then nothing is indexed while the lock is held, and everything once it is released
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(try store.pendingSearchIndexCount(), 10)
        wait(for: [released], timeout: 10)
        XCTAssertTrue(try waitUntilIndexed(store))
    }
}
