import BlogModel
import BlogStore
import Foundation
import LecternTestSupport
import XCTest

/// The write-ahead journal of the reader's marks: a mark is on disk before `enqueue` returns,
/// so a reader killed while another process holds the write lock loses nothing.
final class ReaderWriteJournalTests: XCTestCase {
    private var directory: URL!
    private var path: String { directory.appendingPathComponent("lectern.sqlite").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-journal-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func unread(_ store: LibraryStore, _ ids: [Int64]) throws -> [Bool] {
        let window = try store.postWindow(PostFilter(), after: nil, limit: 1000)
        return ids.map { id in window.first { $0.id == id }?.unread ?? false }
    }

    private func permissions(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    func testAMarkMadeWhileAnotherProcessHoldsTheLockIsOnDiskBeforeEnqueueReturns() throws {
        // Given a reader's queue, and another process holding the cache's write lock
        let store = try LibraryStore(path: path)
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 2)
        let journal = ReaderWriteJournal(databasePath: path)
        let queue = ReaderWriteQueue(store: store, journal: journal)
        let holder = try WriteLockHolder(databasePath: path)

        // When the user marks a post read, then unread again
        let read = ReaderWrite.read(postID: postIDs[0], read: true, at: Date())
        queue.enqueue(read)

        // Then the mark is in the journal file as soon as enqueue returns, readable by the user alone
        XCTAssertEqual(journal.load(), [read])
        XCTAssertEqual(try permissions(journal.url.path), 0o600)
        XCTAssertEqual(try permissions(path + "-reader-writes.lock"), 0o600)
        // And a newer mark of the same post takes its place
        let unreadAgain = ReaderWrite.read(postID: postIDs[0], read: false, at: Date())
        queue.enqueue(unreadAgain)
        XCTAssertEqual(journal.load(), [unreadAgain])

        // When the lock comes free, Then the mark is in the cache and the journal is gone
        holder.release()
        XCTAssertTrue(queue.waitUntilWritten(timeout: 60))
        XCTAssertEqual(try unread(store, postIDs), [true, true])
        XCTAssertFalse(FileManager.default.fileExists(atPath: journal.url.path))
        XCTAssertEqual(queue.finish(waitingAtMost: 1), .written)
    }

    func testTheNextReaderWritesTheMarksOfAReaderThatWasKilled() throws {
        // Given a reader whose mark waits for another process's lock, and which then stops in
        // its tracks as a killed one would: it never tries again, never quits
        let store = try LibraryStore(path: path)
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 3)
        let journal = ReaderWriteJournal(databasePath: path)
        let holder = try WriteLockHolder(databasePath: path)
        let statuses = StatusLog()
        let killed = ReaderWriteQueue(store: store, journal: journal, retryDelay: 3600) { statuses.append($0) }
        killed.enqueue(.read(postID: postIDs[1], read: true, at: Date()))
        killed.enqueue(.starred(postID: postIDs[2], starred: true))
        XCTAssertTrue(statuses.waitFor(.waitingForLock))

        // When the lock comes free and the next reader opens the cache
        holder.release()
        let next = ReaderWriteQueue(store: try LibraryStore(path: path), journal: journal)

        // Then it writes the killed reader's marks, and the journal goes
        XCTAssertTrue(next.waitUntilWritten(timeout: 60))
        XCTAssertEqual(try unread(store, postIDs), [true, false, true])
        XCTAssertEqual(
            try store.postWindow(PostFilter(), after: nil, limit: 10).first { $0.id == postIDs[2] }?.starred, true)
        XCTAssertFalse(FileManager.default.fileExists(atPath: journal.url.path))
        XCTAssertEqual(next.finish(waitingAtMost: 1), .written)
        _ = killed.finish(waitingAtMost: 1)
    }

    func testTwoReadersMarkingAtOnceKeepEachOthersMarks() throws {
        // Given two readers of one cache: one whose marks go through, and one whose marks wait
        // (it tried while another process held the lock, and waits long before trying again)
        let store = try LibraryStore(path: path)
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 400)
        let journal = ReaderWriteJournal(databasePath: path)
        let writing = ReaderWriteQueue(store: store, journal: journal)
        let statuses = StatusLog()
        let waiting = ReaderWriteQueue(
            store: try LibraryStore(path: path), journal: ReaderWriteJournal(databasePath: path), retryDelay: 3600
        ) { statuses.append($0) }
        let holder = try WriteLockHolder(databasePath: path)
        waiting.enqueue(.read(postID: postIDs[0], read: true, at: Date()))
        XCTAssertTrue(statuses.waitFor(.waitingForLock))
        holder.release()

        // When both read, star and leave posts at the same time, the writing one's marks
        // leaving the journal as they reach the cache
        let halves = [Array(postIDs[1..<200]), Array(postIDs[200...])]
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let queue = half == 0 ? waiting : writing
            for id in halves[half] {
                queue.enqueue(.read(postID: id, read: true, at: Date()))
                queue.enqueue(.starred(postID: id, starred: true))
                queue.enqueue(.visited(postID: id, at: Date(), seenThrough: nil))
            }
        }
        XCTAssertTrue(writing.waitUntilWritten(timeout: 60))

        // Then every mark of the waiting reader is still in the journal
        let kept = Set(journal.load().map(\.slot))
        let waitingMarks =
            [ReaderWrite.Slot.read(postIDs[0])]
            + postIDs[1..<200].flatMap { [ReaderWrite.Slot.read($0), .starred($0), .visited($0)] }
        XCTAssertEqual(Set(waitingMarks).subtracting(kept), [], "no mark lost")
        XCTAssertEqual(kept.count, waitingMarks.count)

        // When the waiting reader tries again, Then every post is read and the journal is gone
        XCTAssertTrue(waiting.waitUntilWritten(timeout: 60))
        XCTAssertEqual(try unread(store, postIDs), Array(repeating: false, count: 400))
        XCTAssertFalse(FileManager.default.fileExists(atPath: journal.url.path))
        XCTAssertEqual(writing.finish(waitingAtMost: 1), .written)
        XCTAssertEqual(waiting.finish(waitingAtMost: 1), .written)
    }

    func testMarksAnEarlierLecternKeptAtExitAreWrittenToo() throws {
        // Given a journal as Lectern kept it before each mark had a line of its own
        let store = try LibraryStore(path: path)
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 2)
        let journal = ReaderWriteJournal(databasePath: path)
        try JSONEncoder().encode([ReaderWrite.read(postID: postIDs[1], read: true, at: Date())]).write(to: journal.url)

        // When a reader opens the cache, Then it writes the kept mark, and the journal goes
        let queue = ReaderWriteQueue(store: store, journal: journal)
        XCTAssertTrue(queue.waitUntilWritten(timeout: 60))
        XCTAssertEqual(try unread(store, postIDs), [true, false])
        XCTAssertFalse(FileManager.default.fileExists(atPath: journal.url.path))
        XCTAssertEqual(queue.finish(waitingAtMost: 1), .written)
    }

    func testAReaderStartingBesideARunningOneLeavesItsMarksToIt() throws {
        // Given a journal holding a mark of another reader that is still running
        let store = try LibraryStore(path: path)
        let (_, postIDs) = try StoreFixtures.importBlog(into: store, posts: 1)
        let journal = ReaderWriteJournal(databasePath: path)
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/bin/sleep")
        other.arguments = ["60"]
        try other.run()
        defer { if other.isRunning { other.terminate() } }
        let mark = ReaderWrite.read(postID: postIDs[0], read: true, at: Date())
        let entry: [String: Any] = [
            "owner": ["pid": other.processIdentifier],
            "write": try JSONSerialization.jsonObject(with: JSONEncoder().encode(mark)),
        ]
        try JSONSerialization.data(withJSONObject: entry).write(to: journal.url)

        // When a reader opens the cache, Then the running reader's mark is left to it
        let beside = ReaderWriteQueue(store: store, journal: journal)
        XCTAssertTrue(beside.waitUntilWritten(timeout: 60))
        XCTAssertEqual(try unread(store, postIDs), [true])
        XCTAssertEqual(journal.load(), [mark])
        XCTAssertEqual(beside.finish(waitingAtMost: 1), .written)

        // When that reader is gone and the next one opens the cache, Then it writes the mark
        other.terminate()
        other.waitUntilExit()
        let next = ReaderWriteQueue(store: store, journal: journal)
        XCTAssertTrue(next.waitUntilWritten(timeout: 60))
        XCTAssertEqual(try unread(store, postIDs), [false])
        XCTAssertFalse(FileManager.default.fileExists(atPath: journal.url.path))
        XCTAssertEqual(next.finish(waitingAtMost: 1), .written)
    }
}
