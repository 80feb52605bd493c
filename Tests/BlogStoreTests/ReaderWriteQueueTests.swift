import BlogModel
import BlogStore
import Foundation
import LecternTestSupport
import XCTest

/// The reader's read marks and visits while another process holds the cache's write lock.
final class ReaderWriteQueueTests: XCTestCase {
    private var directory: URL!
    private var path: String { directory.appendingPathComponent("lectern.sqlite").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-writes-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Whether each post is unread, as another reader of the cache sees it now.
    private func unread(_ store: LibraryStore, _ ids: [Int64]) throws -> [Bool] {
        let window = try store.postWindow(PostFilter(), after: nil, limit: 100)
        return ids.map { id in window.first { $0.id == id }?.unread ?? false }
    }

    func testMarksWaitInMemoryWhileAnotherProcessHoldsTheLockAndLandOnceItLetsGo() throws {
        // Given a cache with three unread posts, and another process holding its write lock
        let store = try LibraryStore(path: path)
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 3)
        let statuses = StatusLog()
        let queue = ReaderWriteQueue(store: store, journal: ReaderWriteJournal(databasePath: path)) {
            statuses.append($0)
        }
        let holder = try WriteLockHolder(databasePath: path)

        // When the reader marks two posts read, and toggles one of them many times over
        queue.enqueue(.read(postID: postIDs[0], read: true, at: Date()))
        for flip in 0..<50 { queue.enqueue(.read(postID: postIDs[1], read: flip % 2 == 0, at: Date())) }
        queue.enqueue(.read(postID: postIDs[1], read: true, at: Date()))

        // Then every call returned at once, the queue says it waits, and the marks wait in
        // memory, one per post, while the cache still reads as it was
        XCTAssertTrue(statuses.waitFor(.waitingForLock), "the queue reports the held lock")
        XCTAssertEqual(queue.currentStatus, .waitingForLock)
        XCTAssertEqual(queue.pendingWrites.map(\.slot), [.read(postIDs[0]), .read(postIDs[1])])
        XCTAssertEqual(try unread(store, postIDs), [true, true, true])

        // When the other process lets go
        holder.release()

        // Then both marks are in the cache, the third post untouched, and the wait is over
        XCTAssertTrue(queue.waitUntilWritten(timeout: 60))
        XCTAssertEqual(try unread(store, postIDs), [false, false, true])
        XCTAssertEqual(statuses.values.last, .writing)
        XCTAssertEqual(queue.finish(waitingAtMost: 1), .written)
    }

    func testMarksStillLockedOutAtExitAreKeptForTheNextReader() throws {
        // Given a reader whose mark waits for another process's lock
        let store = try LibraryStore(path: path)
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 2)
        let journal = ReaderWriteJournal(databasePath: path)
        let holder = try WriteLockHolder(databasePath: path)
        let first = ReaderWriteQueue(store: store, journal: journal)
        first.enqueue(.read(postID: postIDs[1], read: true, at: Date()))

        // When the reader quits before the lock comes free
        let outcome = first.finish(waitingAtMost: 0.3)

        // Then the mark is kept beside the cache, not lost
        XCTAssertEqual(outcome, .kept(count: 1, journal: journal.url))
        XCTAssertEqual(try unread(store, postIDs), [true, true])

        // When the lock is free and the next reader opens the cache
        holder.release()
        let next = ReaderWriteQueue(store: try LibraryStore(path: path), journal: journal)

        // Then it writes the kept mark first, and the journal goes
        XCTAssertTrue(next.waitUntilWritten(timeout: 60))
        XCTAssertEqual(try unread(store, postIDs), [true, false])
        XCTAssertFalse(FileManager.default.fileExists(atPath: journal.url.path))
        XCTAssertEqual(next.finish(waitingAtMost: 1), .written)
    }

    func testABulkChangeGoesBetweenTheMarksMadeBeforeAndAfterItEvenWhileTheLockIsHeld() throws {
        // Given the reader marked post 0 unread-then-read, and another process holds the lock
        let store = try LibraryStore(path: path)
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 3)
        let queue = ReaderWriteQueue(store: store, journal: ReaderWriteJournal(databasePath: path))
        let holder = try WriteLockHolder(databasePath: path)
        queue.enqueue(.read(postID: postIDs[0], read: true, at: Date()))

        // When the user marks the whole list read (the bulk change waits), then marks post 0
        // unread and opens post 1
        let hold = queue.holdLaterWrites()
        queue.enqueue(.read(postID: postIDs[0], read: false, at: Date()))
        queue.enqueue(.read(postID: postIDs[1], read: true, at: Date()))
        // Then the bulk change cannot go yet: the mark before it waits for the lock
        XCTAssertFalse(queue.waitUntilWritten(before: hold, timeout: 0.3))
        XCTAssertThrowsError(try store.markRead(PostFilter(), waitingAtMost: 0.1)) {
            XCTAssertTrue($0 is ReaderWriteLockHeld)
        }

        // When the lock comes free, Then the mark made before the bulk change is written, and
        // the ones made after it wait
        holder.release()
        XCTAssertTrue(queue.waitUntilWritten(before: hold, timeout: 60))
        XCTAssertFalse(queue.waitUntilWritten(timeout: 0.3), "held back")
        XCTAssertEqual(try unread(store, postIDs), [false, true, true])
        // When the bulk change is made and lets go, Then the later marks follow it: the user's
        // unread mark is the last word on post 0
        XCTAssertEqual(Set(try store.markRead(PostFilter(), waitingAtMost: 1)), Set([postIDs[1], postIDs[2]]))
        queue.release(hold)
        XCTAssertTrue(queue.waitUntilWritten(timeout: 60))
        XCTAssertEqual(try unread(store, postIDs), [true, false, false])
        XCTAssertEqual(queue.finish(waitingAtMost: 1), .written)
    }

    func testLeavingAPostKeepsTheUsersUnreadMarkAndCommentsStoredSinceStayNew() throws {
        // Given a post with two comments that the user opened (read), then marked unread
        let store = try LibraryStore(path: path)
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 1, comments: 2)
        let postID = postIDs[0]
        let shown = try store.comments(postID: postID).map(\.id)
        let opened = ReaderWrite.read(postID: postID, read: true, at: Date())
        let markedUnread = ReaderWrite.read(postID: postID, read: false, at: Date())
        let left = ReaderWrite.visited(postID: postID, at: Date(), seenThrough: shown.max())

        // When a sync stores a third comment before the reader's writes get the lock
        try StoreFixtures.importBlog(into: store, posts: 1, comments: 3)
        try store.applyReaderWrites([opened, markedUnread, left], waitingAtMost: 1)

        // Then leaving did not read the post again, and only the comment never shown is new
        XCTAssertEqual(try unread(store, postIDs), [true])
        XCTAssertEqual(try store.comments(postID: postID).map(\.isNew), [false, false, true])
    }
}

/// The statuses a queue reported, in order; safe to append from its thread.
final class StatusLog: @unchecked Sendable {
    private let condition = NSCondition()
    private var reported: [ReaderWriteQueue.Status] = []

    func append(_ status: ReaderWriteQueue.Status) {
        condition.lock()
        reported.append(status)
        condition.broadcast()
        condition.unlock()
    }

    var values: [ReaderWriteQueue.Status] {
        condition.lock()
        defer { condition.unlock() }
        return reported
    }

    /// Waits (a minute at most, so a broken queue fails the test instead of hanging it)
    /// until `status` has been reported.
    func waitFor(_ status: ReaderWriteQueue.Status) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        condition.lock()
        defer { condition.unlock() }
        while !reported.contains(status), Date() < deadline { _ = condition.wait(until: deadline) }
        return reported.contains(status)
    }
}
