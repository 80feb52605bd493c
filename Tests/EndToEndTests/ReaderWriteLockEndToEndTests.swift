import Foundation
import LecternTestSupport
import XCTest

/// The reader's read marks in a real terminal while another process holds the cache's write
/// lock, and the user's own unread mark when leaving.
final class ReaderWriteLockEndToEndTests: XCTestCase {
    private static let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/wxr/base.xml")
    private static let waiting = "waiting for another Lectern to finish writing"

    private var folder: URL!
    private var binary: URL!
    private var database: String { folder.appendingPathComponent("cache.sqlite").path }

    override func setUpWithError() throws {
        binary = try BuiltProduct.lectern()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Two posts: "Second post" (newest, opened at start) and "First post".
        try lectern(["import", Self.fixture.path])
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    private func lectern(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + ["--db", database]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "lectern \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }

    /// Post title → unread, as `lectern posts --json` (another process) reads the cache now.
    private func unreadByTitle() throws -> [String: Bool] {
        let posts =
            try JSONSerialization.jsonObject(with: Data(lectern(["posts", "--json"]).utf8)) as? [[String: Any]] ?? []
        return Dictionary(
            uniqueKeysWithValues: posts.map { ($0["title"] as? String ?? "", $0["unread"] as? Bool ?? false) })
    }

    /// The reader in a terminal, a shell behind it printing its exit status; `alone`: with
    /// no shell, so the pane's program is the reader (to be killed).
    private func startReader(alone: Bool = false, environment extra: [String: String] = [:]) throws -> TmuxSession {
        let environment = [
            "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
            "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
        ].merging(extra) { _, new in new }
        let reader = "\(TmuxSession.shellQuoted(binary.path)) --db \(TmuxSession.shellQuoted(database))"
        let terminal = try TmuxSession(
            command: alone
                ? reader : "sh -c " + TmuxSession.shellQuoted("\(reader); echo LECTERN-EXIT $?; exec sleep 600"),
            columns: 120, rows: 40, environment: environment)
        _ = try terminal.waitFor("Body stays the same.", timeout: 20)
        return terminal
    }

    /// Polls until `condition` holds (a minute at most).
    private func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Polls until `text` is no longer on screen (a minute at most).
    private func waitForAbsence(of text: String, in terminal: TmuxSession) throws -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if !(try terminal.capture()).contains(where: { $0.contains(text) }) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    func testMarkingTheOpenPostUnreadThenQuittingLeavesItUnread() throws {
        // Given the reader open on the newest post, which opening read
        let terminal = try startReader()

        // When the user marks it unread and quits at once
        try terminal.send(keys: "m")
        _ = try terminal.waitFor("Marked unread", timeout: 20)
        try terminal.send(keys: "q")
        let screen = try terminal.waitFor("LECTERN-EXIT", timeout: 20)
        XCTAssertTrue(screen.contains { $0.contains("LECTERN-EXIT 0") }, screen.joined(separator: "\n"))

        // Then it is still unread in the cache
        XCTAssertEqual(try unreadByTitle()["Second post"], true)
    }

    func testKeysKeepWorkingWhileAnotherProcessHoldsTheWriteLockAndTheMarkLandsAfter() throws {
        // Given the reader open, and another process holding the cache's write lock
        let terminal = try startReader()
        let holder = try WriteLockHolder(databasePath: database)

        // When the user opens the next post
        try terminal.send(keys: "j")

        // Then it shows at once, and the status line says the read mark waits
        _ = try terminal.waitFor("Unchanged body.", timeout: 20)
        _ = try terminal.waitFor(Self.waiting, timeout: 20)
        XCTAssertEqual(try unreadByTitle()["First post"], true, "not written while the lock is held")
        // And the next keys work while the lock is still held, the message staying
        try terminal.send(keys: "k")
        _ = try terminal.waitFor("Body stays the same.", timeout: 20)
        try terminal.send(keys: "j")
        let moved = try terminal.waitFor("Unchanged body.", timeout: 20)
        XCTAssertTrue(moved.contains { $0.contains(Self.waiting) }, moved.joined(separator: "\n"))

        // When the other process lets go
        holder.release()

        // Then the message goes, and the mark is in the cache
        XCTAssertTrue(try waitForAbsence(of: Self.waiting, in: terminal), "the wait message clears")
        XCTAssertEqual(try unreadByTitle()["First post"], false)
        try terminal.send(keys: "q")
        _ = try terminal.waitFor("LECTERN-EXIT 0", timeout: 20)
    }

    func testQuittingWhileTheLockIsStillHeldKeepsTheMarkForTheNextStart() throws {
        // Given a read mark waiting for another process's lock
        let terminal = try startReader()
        let holder = try WriteLockHolder(databasePath: database)
        try terminal.send(keys: "j")
        _ = try terminal.waitFor(Self.waiting, timeout: 20)

        // When the user quits and the lock is still held after the reader's bounded wait
        try terminal.send(keys: "q")
        let screen = try terminal.waitFor("LECTERN-EXIT", timeout: 60)

        // Then the reader exits cleanly, saying where the mark waits
        XCTAssertTrue(screen.contains { $0.contains("LECTERN-EXIT 0") }, screen.joined(separator: "\n"))
        XCTAssertTrue(screen.joined().contains("reader-writes.json"), screen.joined(separator: "\n"))
        XCTAssertEqual(try unreadByTitle()["First post"], true)

        // When the lock comes free and the reader opens and closes again
        holder.release()
        let again = try startReader()
        try again.send(keys: "q")
        _ = try again.waitFor("LECTERN-EXIT 0", timeout: 20)

        // Then the mark the user made earlier is in the cache
        XCTAssertEqual(try unreadByTitle()["First post"], false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: database + "-reader-writes.json"))
    }

    func testAMarkWaitingForTheLockSurvivesKillMinus9() throws {
        try assertAMarkWaitingForTheLockSurvivesTheReaderDying(by: SIGKILL)
    }

    func testAMarkWaitingForTheLockSurvivesHangUp() throws {
        try assertAMarkWaitingForTheLockSurvivesTheReaderDying(by: SIGHUP)
    }

    /// The user marks a post unread while another process holds the write lock, and the
    /// reader dies by `signal` before the lock comes free: the next reader writes the mark.
    private func assertAMarkWaitingForTheLockSurvivesTheReaderDying(by signal: Int32) throws {
        // Given the reader on the first post, which opening read (and the cache has it)
        let terminal = try startReader(alone: true)
        try terminal.send(keys: "j")
        _ = try terminal.waitFor("Unchanged body.", timeout: 20)
        XCTAssertTrue(try eventually { try unreadByTitle()["First post"] == false }, "opening it read it")
        // And another process holding the cache's write lock
        let holder = try WriteLockHolder(databasePath: database)

        // When the user marks the post unread, and the reader dies while the mark waits
        try terminal.send(keys: "m")
        _ = try terminal.waitFor("Marked unread", timeout: 20)
        _ = try terminal.waitFor(Self.waiting, timeout: 20)
        let pid = try XCTUnwrap(try terminal.programPID())
        XCTAssertEqual(kill(pid, signal), 0)
        XCTAssertTrue(eventually { !terminal.isAlive }, "the reader is gone")
        holder.release()

        // Then the cache does not have the mark yet: it never got the lock
        XCTAssertEqual(try unreadByTitle()["First post"], false)

        // When the reader opens again (it opens the newest post) and quits
        let again = try startReader()
        try again.send(keys: "q")
        _ = try again.waitFor("LECTERN-EXIT 0", timeout: 20)

        // Then the user's mark is in the cache, and nothing is left waiting
        XCTAssertEqual(try unreadByTitle()["First post"], true)
        XCTAssertFalse(FileManager.default.fileExists(atPath: database + "-reader-writes.json"))
    }

    func testACommentWrittenWhileAnotherProcessHoldsTheLockIsSavedOnceItLetsGo() throws {
        // Given an editor that writes a comment and exits, the user's name in the config,
        // the reader open, and another process holding the cache's write lock
        let editor = folder.appendingPathComponent("editor.sh")
        try "#!/bin/sh\nprintf 'Written while the cache was busy.\\n' >> \"$1\"\n"
            .write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        let config = folder.appendingPathComponent("config/lectern")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "[author]\nname = \"Zoë\"\nemail = \"zoe@example.org\"\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let terminal = try startReader(environment: ["EDITOR": editor.path, "VISUAL": ""])
        let holder = try WriteLockHolder(databasePath: database)

        // When the user comments on the post and the editor returns
        try terminal.send(keys: "c")

        // Then the reader is back at once, saying the draft waits, its text safe in its file
        _ = try terminal.waitFor(Self.waiting, timeout: 20)
        // Beside the cache: `--db` puts the editor files there.
        let drafts = folder.appendingPathComponent("drafts")
        let files = { (try? FileManager.default.contentsOfDirectory(atPath: drafts.path)) ?? [] }
        XCTAssertEqual(files().filter { $0.hasPrefix("draft-") }.count, 1, "the draft file stays until saved")
        // And keys work while the lock is held
        try terminal.send(keys: "j")
        _ = try terminal.waitFor("Unchanged body.", timeout: 20)

        // When the other process lets go
        holder.release()

        // Then the draft is saved and its file goes
        _ = try terminal.waitFor("Draft saved", timeout: 60)
        XCTAssertTrue(
            eventually { files().filter { $0.hasPrefix("draft-") }.isEmpty }, "the draft file goes once saved")
        let saved =
            try JSONSerialization.jsonObject(with: Data(lectern(["drafts", "--json"]).utf8)) as? [[String: Any]]
        XCTAssertEqual(saved?.first?["body"] as? String, "Written while the cache was busy.")
        try terminal.send(keys: "q")
        _ = try terminal.waitFor("LECTERN-EXIT 0", timeout: 20)
    }
}
