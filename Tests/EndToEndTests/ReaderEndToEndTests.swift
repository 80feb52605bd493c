import Foundation
import LecternTestSupport
import XCTest

/// The reader in a real terminal (tmux), tried the way a new user would.
final class ReaderEndToEndTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/wxr")

    private var folder: URL!
    private var binary: URL!

    override func setUpWithError() throws {
        binary = try BuiltProduct.lectern()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var database: String { folder.appendingPathComponent("cache.sqlite").path }

    /// Runs a `lectern` command outside the terminal and returns its standard output.
    @discardableResult
    private func lectern(_ arguments: [String]) throws -> String {
        let (status, output) = try run(arguments + ["--db", database])
        XCTAssertEqual(status, 0, "lectern \(arguments.joined(separator: " "))")
        return output
    }

    /// Runs `lectern` with exactly `arguments`; its exit status and standard output.
    private func run(_ arguments: [String]) throws -> (Int32, String) {
        let outcome = try LecternProcess(binary: binary).run(arguments)
        return (outcome.status, outcome.output)
    }

    private func startReader(columns: Int = 120, rows: Int = 40, environment: [String: String] = [:]) throws
        -> TmuxSession
    {
        var environment = environment
        environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path
        environment["XDG_DATA_HOME"] = folder.appendingPathComponent("data").path
        // The shell stays behind the reader to print its exit status on the restored screen.
        let reader = "\(TmuxSession.shellQuoted(binary.path)) --db \(TmuxSession.shellQuoted(database))"
        return try TmuxSession(
            command: "sh -c " + TmuxSession.shellQuoted("\(reader); echo LECTERN-EXIT $?; exec sleep 600"),
            columns: columns, rows: rows, environment: environment)
    }

    /// Presses q until the reader has closed every overlay and exited, and checks that it
    /// exited cleanly and gave the shell its screen back.
    private func quit(_ terminal: TmuxSession) throws {
        for _ in 0..<4 {
            try terminal.send(keys: "q")
            if let screen = try? terminal.waitFor("LECTERN-EXIT", timeout: 3) {
                XCTAssertTrue(screen.contains { $0.contains("LECTERN-EXIT 0") }, screen.joined(separator: "\n"))
                XCTAssertFalse(screen.contains { $0.contains("Comments") }, "the reader's screen is gone")
                return
            }
        }
        XCTFail("the reader did not quit: \((try? terminal.capture())?.joined(separator: "\n") ?? "")")
    }

    func testNewestPostItsArticleAndNestedCommentsShowAtOnceAndKeysWork() throws {
        // Given an export the reader has never seen
        try lectern(["import", Self.fixtures.appendingPathComponent("hidden-parents.xml").path])
        let title = try XCTUnwrap(
            (try JSONSerialization.jsonObject(with: Data(lectern(["posts", "--json"]).utf8)) as? [[String: Any]])?
                .first?["title"] as? String)
        // When the reader opens at 120×40
        let terminal = try startReader()
        let screen = try terminal.waitFor("Comments", timeout: 20)
        // Then the post list, the article and the nested thread are all on screen
        XCTAssertTrue(screen.contains { $0.contains(title) }, screen.joined(separator: "\n"))
        XCTAssertTrue(screen.contains { $0.contains("└─") }, "replies are drawn under their parents")
        // And the help screen lists the bindings generated from the command table
        try terminal.send(keys: "?")
        let help = try terminal.waitFor("Tab", timeout: 20)
        XCTAssertTrue(help.contains { $0.contains("search") }, help.joined(separator: "\n"))
        try terminal.send(keys: "q")
        // And search finds a comment's text
        try terminal.send(keys: "/")
        try terminal.send(text: "trashed")
        try terminal.send(keys: "Enter")
        let results = try terminal.waitFor("Reply to trashed", timeout: 20)
        XCTAssertFalse(results.contains { $0.contains("No matches") })
        // Escape goes back to the query, a second Escape closes the search. (A key right
        // behind Escape would read as Alt-key, as in every curses program.)
        for _ in 0..<2 {
            try terminal.send(keys: "Escape")
            Thread.sleep(forTimeInterval: 0.3)
        }
        // And q quits, restoring the terminal
        try quit(terminal)
    }

    func testSmallTerminalShowsOnePaneAndResizeReflows() throws {
        try lectern(["import", Self.fixtures.appendingPathComponent("base.xml").path])
        let terminal = try startReader(columns: 60, rows: 20)
        let small = try terminal.waitFor("Second post", timeout: 20)
        XCTAssertFalse(small.contains { $0.contains("Comments") }, "below 80×24 only one pane shows")
        try terminal.resize(columns: 120, rows: 40)
        let large = try terminal.waitFor("Comments", timeout: 20)
        XCTAssertTrue(large.contains { $0.contains("Second post") })
        XCTAssertTrue(large.allSatisfy { $0.count <= 120 })
        try quit(terminal)
    }

    func testHostileContentLeavesScreenTitleAndClipboardAlone() throws {
        // Given an export whose titles, names and comments carry C1 controls and bidi overrides
        try lectern(["import", Self.fixtures.appendingPathComponent("hostile.xml").path])
        let terminal = try startReader()
        let titleBefore = try terminal.paneTitle()
        let screen = try terminal.waitFor("Comments", timeout: 20)
        try terminal.send(keys: "Tab")
        try terminal.send(keys: "Tab")
        try terminal.send(keys: "j")
        Thread.sleep(forTimeInterval: 0.5)
        let after = try terminal.capture()
        // Then nothing was interpreted: stand-ins are visible, the title and clipboard untouched
        XCTAssertTrue((screen + after).contains { $0.contains("\u{FFFD}") || $0.contains("␛") })
        XCTAssertFalse(
            (screen + after).joined().unicodeScalars.contains {
                (0x80...0x9F).contains($0.value) || $0.value == 0x1B || $0.value == 0x202E
            })
        XCTAssertEqual(try terminal.paneTitle(), titleBefore)
        XCTAssertTrue(try terminal.buffers().isEmpty, "no OSC 52 clipboard write")
        try terminal.send(keys: "q")
    }

    func testReplyWrittenInTheEditorSurvivesAKilledReader() throws {
        // Given a post with comments and an editor that writes a reply, then hangs
        try lectern(["import", Self.fixtures.appendingPathComponent("base.xml").path])
        let editor = folder.appendingPathComponent("editor.sh")
        try """
        #!/bin/sh
        printf 'Thank you, this helped. 日本語も\\n' >> "$1"
        touch \(TmuxSession.shellQuoted(folder.appendingPathComponent("edited").path))
        sleep 60
        """.write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        let config = folder.appendingPathComponent("config/lectern")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "[author]\nname = \"Zoë\"\nemail = \"zoe@example.org\"\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let terminal = try startReader(environment: ["EDITOR": editor.path, "VISUAL": ""])
        _ = try terminal.waitFor("Comments", timeout: 20)
        // When the user replies to the selected comment and the reader is killed mid-edit
        try terminal.send(keys: "Tab")
        try terminal.send(keys: "Tab")
        try terminal.send(keys: "r")
        let edited = folder.appendingPathComponent("edited").path
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: edited), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: edited), "the editor ran")
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        kill.arguments = ["-KILL", "-f", "--", "--db \(database)"]
        try kill.run()
        kill.waitUntilExit()
        terminal.kill()
        let stopEditor = Process()
        stopEditor.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        stopEditor.arguments = ["-f", editor.path]
        try stopEditor.run()
        stopEditor.waitUntilExit()
        // Then the next start recovers the text as a draft replying to that comment
        let restarted = try startReader()
        _ = try restarted.waitFor("recovered", timeout: 20)
        try quit(restarted)
        let drafts =
            try JSONSerialization.jsonObject(with: Data(lectern(["drafts", "--json"]).utf8)) as? [[String: Any]]
        let draft = try XCTUnwrap(drafts?.first)
        XCTAssertEqual(draft["body"] as? String, "Thank you, this helped. 日本語も")
        XCTAssertNotNil(draft["parent_comment_id"] as? Int, "a reply to the selected comment")
    }
}
