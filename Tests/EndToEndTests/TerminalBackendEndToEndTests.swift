import LecternTestSupport
import XCTest

/// The terminal backend on a real terminal: `lectern-bench terminal-self-test` inside tmux.
final class TerminalBackendEndToEndTests: XCTestCase {
    private let banner = "Lectern terminal self-test: press keys, q quits"

    func testWideCharactersEmojiAndMarksKeepTheColumnsAligned() throws {
        // Given the self-test on a 120×40 terminal
        let session = try startSelfTest(columns: 120, rows: 40)

        // When it has drawn its first frame
        let screen = try session.waitFor("size: 120x40")

        // Then every sample row ends its bar in the same column, with ZWJ emoji drawn as their base
        let expectedRows = [
            "ascii: abcdefghij|",
            "wide:  漢字テスト|",
            "emoji: 🙂🎉abcdef|",
            "zwj:   👨........|",
            "marks: e\u{301}a\u{308}o\u{302}.......|",
        ]
        for expected in expectedRows {
            XCTAssertTrue(
                screen.contains(expected),
                "missing \(expected) in:\n\(screen.joined(separator: "\n"))")
        }
        XCTAssertTrue(
            screen.last?.hasSuffix("bottom-right corner") ?? false, "last row: \(screen.last ?? "")"
        )

        // And quitting brings back the shell's screen as it was, with its tty modes
        try session.send(text: "q")
        let after = try session.waitFor("EXIT ")
        XCTAssertEqual(
            Array(after.prefix(3)), ["BEFORE", "TTY-RESTORED", "EXIT 0"],
            after.joined(separator: "\n"))
    }

    func testKeysResizesAndQuitReachTheProgramAndRestoreTheTerminal() throws {
        // Given the self-test running
        let session = try startSelfTest(columns: 120, rows: 40)

        // When the user presses keys, types non-ASCII text and resizes the terminal
        try session.send(keys: "Up")
        try session.waitFor("last event: key up")
        try session.send(keys: "Home")
        try session.waitFor("last event: key home")
        try session.send(keys: "BTab")
        try session.waitFor("last event: key backTab")
        try session.send(keys: "C-l")
        try session.waitFor("last event: key control(\"l\")")
        try session.send(text: "漢")
        try session.waitFor("last event: key character(\"漢\")")
        try session.resize(columns: 60, rows: 20)
        let resized = try session.waitFor("last event: resize 60x20")

        // Then the frame is redrawn at the new size
        XCTAssertTrue(resized.contains("size: 60x20"))
        XCTAssertEqual(resized.count, 20)

        // And when the user quits, the program exits cleanly with the tty modes back
        // (the shell's earlier lines may have been cropped by the smaller window)
        try session.send(text: "q")
        let after = try session.waitFor("EXIT ")
        XCTAssertTrue(after.contains("EXIT 0"), after.joined(separator: "\n"))
        XCTAssertTrue(after.contains("TTY-RESTORED"), after.joined(separator: "\n"))
        XCTAssertFalse(after.contains { $0.contains(banner) }, after.joined(separator: "\n"))
    }

    func testSuspendHandsTheRealTerminalToAChildAndRepaintsAfter() throws {
        // Given the self-test running
        let session = try startSelfTest(columns: 80, rows: 24)

        // When it suspends itself for a child that reads a line, as an editor would
        try session.send(text: "s")
        let suspended = try session.waitFor("suspended, press Enter:")

        // Then the child sees the shell's screen with echo on, not the reader
        XCTAssertFalse(
            suspended.contains { $0.contains(banner) }, suspended.joined(separator: "\n"))
        try session.send(text: "typed")
        try session.waitFor("suspended, press Enter: typed")

        // And when the child ends, the reader's whole frame comes back
        try session.send(keys: "Enter")
        let back = try session.waitFor("bottom-right corner")
        XCTAssertTrue(back.contains(banner), back.joined(separator: "\n"))
        XCTAssertTrue(back.contains("wide:  漢字テスト|"), back.joined(separator: "\n"))
        XCTAssertFalse(back.contains { $0.contains("suspended") }, back.joined(separator: "\n"))
    }

    func testHostileTextNeitherSetsTheTitleNorWritesTheClipboard() throws {
        // Given a terminal whose title and clipboard are known
        let session = try startSelfTest(columns: 120, rows: 40)

        // When the self-test draws cells holding OSC 2, OSC 52, C1 CSI and clear-screen sequences
        let screen = try session.waitFor("hostile: ")

        // Then the sequences show as visible text and change nothing
        XCTAssertTrue(
            screen.contains("hostile: ?]2;PWNED-TITLE??]52;c;cHduZWQ=??31mRED?[2J|"),
            screen.joined(separator: "\n"))
        XCTAssertFalse(try session.paneTitle().contains("PWNED"))
        XCTAssertEqual(try session.buffers(), [])
        XCTAssertTrue(screen.contains { $0.contains(banner) }, "the screen was cleared")
    }

    /// Starts the self-test inside a shell that records the tty modes before and after.
    ///
    /// The shell stays alive after the program: tmux redraws a dead pane's screen, which
    /// would hide whether the program itself put the shell's screen back.
    private func startSelfTest(columns: Int, rows: Int) throws -> TmuxSession {
        let binary = try BuiltProduct.named("lectern-bench")
        let script = """
            echo BEFORE; modes=$(stty -g); \(TmuxSession.shellQuoted(binary.path)) terminal-self-test; \
            status=$?; [ "$modes" = "$(stty -g)" ] && echo TTY-RESTORED; echo "EXIT $status"; exec sleep 600
            """
        let session = try TmuxSession(
            command: "sh -c \(TmuxSession.shellQuoted(script))", columns: columns, rows: rows)
        // A self-test that exits at once (a crash, a missing terminal) fails the test.
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let screen = try session.capture()
            if screen.contains(where: { $0.contains(banner) }) { return session }
            if screen.contains(where: { $0.hasPrefix("EXIT ") }) { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let screen = (try? session.capture()) ?? []
        session.kill()
        XCTFail("the terminal self-test never showed its banner; the pane showed:\n" + screen.joined(separator: "\n"))
        throw SelfTestDidNotStart()
    }
}

private struct SelfTestDidNotStart: Error {}
