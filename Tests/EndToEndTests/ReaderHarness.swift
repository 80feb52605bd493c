import Foundation
import LecternTestSupport
import XCTest

/// A private library (cache, config, data folders) and the built `lectern`, for tests that
/// run its commands and its reader in tmux as a user would.
final class ReaderHarness {
    let folder: URL
    let binary: URL
    var database: String { folder.appendingPathComponent("cache.sqlite").path }

    init() throws {
        binary = try BuiltProduct.lectern()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// The folders `lectern` uses instead of the user's own.
    var environment: [String: String] {
        [
            "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
            "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
        ]
    }

    /// Writes the config's `[author]`: who the user is when they comment.
    func writeAuthor(name: String, email: String) throws {
        let config = folder.appendingPathComponent("config/lectern")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "[author]\nname = \"\(name)\"\nemail = \"\(email)\"\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    /// An editor that appends `text` to the draft file and exits.
    func editorWriting(_ text: String) throws -> String {
        let editor = folder.appendingPathComponent("editor-\(UUID().uuidString.prefix(8)).sh")
        try "#!/bin/sh\nprintf '%s\\n' \(TmuxSession.shellQuoted(text)) >> \"$1\"\n"
            .write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        return editor.path
    }

    /// Runs a `lectern` command on this library outside the terminal; its standard output.
    @discardableResult
    func lectern(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let outcome = try LecternProcess(binary: binary, database: database, environment: environment).run(arguments)
        XCTAssertEqual(
            outcome.status, 0, "lectern \(arguments.joined(separator: " ")): \(outcome.errors)", file: file, line: line)
        return outcome.output
    }

    func json(_ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(lectern(arguments + ["--json"]).utf8))
    }

    /// Starts the reader in a tmux pane; a shell stays behind it to print its exit status.
    func startReader(columns: Int = 120, rows: Int = 40, environment extra: [String: String] = [:]) throws
        -> TmuxSession
    {
        let reader = "\(TmuxSession.shellQuoted(binary.path)) --db \(TmuxSession.shellQuoted(database))"
        return try TmuxSession(
            command: "sh -c " + TmuxSession.shellQuoted("\(reader); echo LECTERN-EXIT $?; exec sleep 600"),
            columns: columns, rows: rows, environment: environment.merging(extra) { _, new in new })
    }

    /// Presses q until the reader has closed every overlay and exited cleanly.
    func quit(_ terminal: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws {
        for _ in 0..<4 {
            try terminal.send(keys: "q")
            if let screen = try? terminal.waitFor("LECTERN-EXIT", timeout: 3) {
                XCTAssertTrue(
                    screen.contains { $0.contains("LECTERN-EXIT 0") }, screen.joined(separator: "\n"), file: file,
                    line: line)
                return
            }
        }
        XCTFail(
            "the reader did not quit: \((try? terminal.capture())?.joined(separator: "\n") ?? "")", file: file,
            line: line)
    }
}
