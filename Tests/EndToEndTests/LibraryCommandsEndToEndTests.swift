import Foundation
import LecternTestSupport
import XCTest

/// Unsubscribing and marking read, through the built `lectern`: the command line (`remove`,
/// `posts --mark-read`) and the reader in a real terminal (`A`, `u`, and `X` in the blog list).
final class LibraryCommandsEndToEndTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let sample = root.appendingPathComponent("Sources/lectern/Resources/sample-blog.xml").path
    private static let fixture = root.appendingPathComponent("Tests/Fixtures/wxr/base.xml").path

    private var folder: URL!
    private var binary: URL!

    override func setUpWithError() throws {
        binary = try BuiltProduct.lectern()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-library-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var database: String { folder.appendingPathComponent("cache.sqlite").path }

    /// Runs `lectern ARGUMENTS --db DB` with no terminal (stdin is /dev/null): status, stdout, stderr.
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let outcome = try LecternProcess(binary: binary, database: database).run(arguments)
        return (outcome.status, outcome.output, outcome.errors)
    }

    /// The two blogs every test starts with: the sample (10 posts) and "Fixture Notes" (2).
    private func importBlogs() throws {
        for file in [Self.sample, Self.fixture] { XCTAssertEqual(try run(["import", file]).status, 0) }
    }

    private func blogTitles() throws -> [String] {
        let json =
            try JSONSerialization.jsonObject(with: Data(run(["blogs", "--json"]).output.utf8)) as? [[String: Any]]
        return (json ?? []).compactMap { $0["title"] as? String }
    }

    private func unreadCount() throws -> Int {
        let json = try JSONSerialization.jsonObject(with: Data(run(["posts", "--unread", "--json"]).output.utf8))
        return (json as? [Any])?.count ?? -1
    }

    /// Runs `command` in a terminal, with a shell behind it that prints its exit status.
    private func terminal(_ command: String) throws -> TmuxSession {
        let environment = [
            "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
            "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
        ]
        return try TmuxSession(
            command: "sh -c " + TmuxSession.shellQuoted("\(command); echo LECTERN-EXIT $?; exec sleep 600"),
            environment: environment)
    }

    private var lecternCommand: String {
        "\(TmuxSession.shellQuoted(binary.path)) --db \(TmuxSession.shellQuoted(database))"
    }

    func testRemoveAsksOnATerminalAndRefusesToGuessElsewhere() throws {
        // Given two blogs
        try importBlogs()
        // When remove runs without a terminal and without --yes
        let refused = try run(["remove", "Fixture Notes"])
        // Then it fails with one error line and removes nothing
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.errors.hasPrefix("error: "), refused.errors)
        XCTAssertTrue(refused.errors.contains("--yes"), refused.errors)
        XCTAssertEqual(try blogTitles().count, 2)
        // And a name that is no blog removes nothing either, even with --yes
        XCTAssertNotEqual(try run(["remove", "Fixture Notes", "No Such Blog", "--yes"]).status, 0)
        XCTAssertEqual(try blogTitles().count, 2)

        // When it runs on a terminal, Then it asks, with what would go
        let session = try terminal("\(lecternCommand) remove 'Fixture Notes'")
        try session.waitFor("Remove \"Fixture Notes\" (2 posts, ", timeout: 20)
        try session.waitFor("[y/N]")
        // When the answer is y, Then the blog is gone and the command succeeded
        try session.send(text: "y")
        try session.send(keys: "Enter")
        let screen = try session.waitFor("LECTERN-EXIT", timeout: 20)
        XCTAssertTrue(screen.contains { $0.contains("removed \"Fixture Notes\"") }, screen.joined(separator: "\n"))
        XCTAssertTrue(screen.contains { $0.contains("LECTERN-EXIT 0") }, screen.joined(separator: "\n"))
        XCTAssertEqual(try blogTitles(), ["Civic Redesign Notes"])

        // When the last blog is removed with --yes, by its id, Then no question is asked
        let removed = try run(["remove", "1", "--yes"])
        XCTAssertEqual(removed.status, 0, removed.errors)
        XCTAssertTrue(removed.output.hasPrefix("removed \"Civic Redesign Notes\" (10 posts, "), removed.output)
        XCTAssertEqual(try blogTitles(), [])
    }

    func testPostsMarkReadMarksWhatTheFiltersSelectAndSaysHowMany() throws {
        // Given two blogs, every post unread
        try importBlogs()
        XCTAssertEqual(try unreadCount(), 12)
        // When the sample blog's posts are marked read
        let marked = try run(["posts", "--blog", "1", "--mark-read"])
        // Then it says how many, and only the other blog's posts are unread
        XCTAssertEqual(marked.status, 0, marked.errors)
        XCTAssertEqual(marked.output, "marked 10 posts read\n")
        XCTAssertEqual(try unreadCount(), 2)
        // When everything is marked, Then it counts what changed and what was read already
        XCTAssertEqual(
            try run(["posts", "--mark-read"]).output, "marked 2 posts read (10 of the 12 selected were read already)\n")
        XCTAssertEqual(try unreadCount(), 0)
    }

    func testAMarksTheBlogReadAfterAskingAndUUndoesIt() throws {
        // Given the reader open on the sample blog and one other; the newest post opened, so read
        try importBlogs()
        let reader = try terminal(lecternCommand)
        try reader.waitFor("12 posts, 11 unread", timeout: 20)
        // When A is pressed on the newest post (the sample blog's)
        try reader.send(keys: "A")
        // Then the reader asks first, counting the blog's unread posts
        try reader.waitFor("Mark 9 unread posts of Civic Redesign Notes", timeout: 10)
        // When the answer is no, Then nothing changed
        try reader.send(keys: "n")
        try reader.waitFor("12 posts, 11 unread", timeout: 10)
        // When A again and yes, Then only the other blog's two posts are left unread
        try reader.send(keys: "A")
        try reader.waitFor("Mark 9 unread posts", timeout: 10)
        try reader.send(keys: "y")
        let marked = try reader.waitFor("12 posts, 2 unread", timeout: 10)
        XCTAssertTrue(
            marked.contains { $0.contains("Marked 9 posts of Civic Redesign Notes read; u undoes") },
            marked.joined(separator: "\n"))
        // When u is pressed, Then the nine are unread again
        try reader.send(keys: "u")
        try reader.waitFor("12 posts, 11 unread", timeout: 10)
        // And after quitting, the cache agrees
        try reader.send(keys: "q")
        try reader.waitFor("LECTERN-EXIT 0", timeout: 10)
        XCTAssertEqual(try unreadCount(), 11)
    }

    func testABlogIsRemovedFromTheFilterListAfterAsking() throws {
        // Given the reader open on two blogs, and the filter list on blogs (most posts first)
        try importBlogs()
        let reader = try terminal(lecternCommand)
        try reader.waitFor("12 posts, 11 unread", timeout: 20)
        try reader.send(keys: "f")
        try reader.waitFor("Filter by", timeout: 10)
        try reader.send(keys: "Enter")
        try reader.waitFor("Fixture Notes  (2)", timeout: 10)
        // When the second blog is selected and X pressed
        try reader.send(keys: "j")
        try reader.send(keys: "X")
        // Then the reader asks, naming it; yes removes it and the list has the sample's posts only
        try reader.waitFor("Remove \"Fixture Notes\" (2 posts", timeout: 10)
        try reader.send(keys: "y")
        try reader.waitFor("removed \"Fixture Notes\"", timeout: 10)
        try reader.waitFor("10 posts,", timeout: 10)
        try reader.send(keys: "q")
        try reader.send(keys: "q")
        try reader.waitFor("LECTERN-EXIT 0", timeout: 10)
        XCTAssertEqual(try blogTitles(), ["Civic Redesign Notes"])
    }

    private static let waiting = "waiting for another Lectern to finish writing"

    func testAWaitsForAnotherProcessesWriteLockWhileKeysKeepWorking() throws {
        // Given the reader open on the sample blog's newest post, and another process
        // holding the cache's write lock
        try importBlogs()
        let reader = try terminal(lecternCommand)
        try reader.waitFor("12 posts, 11 unread", timeout: 20)
        let holder = try WriteLockHolder(databasePath: database)

        // When A is pressed and confirmed
        try reader.send(keys: "A")
        try reader.waitFor("Mark 9 unread posts of Civic Redesign Notes", timeout: 10)
        try reader.send(keys: "y")

        // Then the status line says the change waits for the other process
        try reader.waitFor(Self.waiting, timeout: 10)
        XCTAssertEqual(try unreadCount(), 11, "nothing written while the lock is held")
        // And j and k still move the selection, opening each post at once
        try reader.send(keys: "j")
        try reader.waitFor("Our first data sharing agreement", timeout: 10)
        try reader.send(keys: "k")
        let back = try reader.waitFor("Every year we write a post", timeout: 10)
        XCTAssertTrue(back.contains { $0.contains(Self.waiting) }, back.joined(separator: "\n"))

        // When the other process lets go
        holder.release()

        // Then the blog's posts are read, the list counts it, and the status line says so
        let marked = try reader.waitFor("12 posts, 2 unread", timeout: 60)
        XCTAssertTrue(
            marked.contains { $0.contains("Marked 9 posts of Civic Redesign Notes read") },
            marked.joined(separator: "\n"))
        XCTAssertEqual(try unreadCount(), 2)
        try reader.send(keys: "q")
        try reader.waitFor("LECTERN-EXIT 0", timeout: 20)
    }

    func testQuittingBeforeTheLockComesFreeSaysWhatWasNotDone() throws {
        // Given A confirmed while another process holds the cache's write lock
        try importBlogs()
        let reader = try terminal(lecternCommand)
        try reader.waitFor("12 posts, 11 unread", timeout: 20)
        let holder = try WriteLockHolder(databasePath: database)
        try reader.send(keys: "A")
        try reader.waitFor("Mark 9 unread posts", timeout: 10)
        try reader.send(keys: "y")
        try reader.waitFor(Self.waiting, timeout: 10)

        // When the user quits and the lock is still held after the reader's bounded wait
        try reader.send(keys: "q")
        let screen = try reader.waitFor("LECTERN-EXIT", timeout: 60)

        // Then the reader exits cleanly, saying the blog was not marked read
        XCTAssertTrue(screen.contains { $0.contains("LECTERN-EXIT 0") }, screen.joined(separator: "\n"))
        XCTAssertTrue(
            screen.joined().contains("marking the posts of Civic Redesign Notes read was not done"),
            screen.joined(separator: "\n"))
        holder.release()
        XCTAssertEqual(try unreadCount(), 11)
    }
}
