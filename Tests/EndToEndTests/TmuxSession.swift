import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A program running in a private, detached tmux server, driven like a user would.
///
/// Each session has its own server socket in a fresh temporary folder, so tests never
/// touch the user's tmux and can run side by side. The program sees `TERM=xterm-256color`
/// and a UTF-8 locale; tmux's status line is off so the pane has every row asked for.
/// The pane remains after the program exits (`remain-on-exit`) so its status can be read;
/// tmux then redraws the dead pane, so to check what the program left on screen, keep a
/// shell alive after it (`…; echo done; exec sleep 600`).
final class TmuxSession {
    enum Failure: Error, CustomStringConvertible {
        case tmuxFailed(arguments: [String], status: Int32, output: String)
        case timedOut(waitingFor: String, screen: [String])

        var description: String {
            switch self {
            case .tmuxFailed(let arguments, let status, let output):
                return "tmux \(arguments.joined(separator: " ")) exited \(status): \(output)"
            case .timedOut(let text, let screen):
                return "timed out waiting for \"\(text)\"; screen:\n"
                    + screen.joined(separator: "\n")
            }
        }
    }

    private static let tmuxPath: String? = [
        "/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux",
    ]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

    let folder: URL
    private let socket: String
    private var killed = false

    /// Starts `command` (a shell command line) in a pane of `columns` × `rows`.
    ///
    /// Throws `XCTSkip` when tmux is not installed.
    init(
        command: String, columns: Int = 120, rows: Int = 40, environment: [String: String] = [:]
    ) throws {
        guard Self.tmuxPath != nil else { throw XCTSkip("tmux is not installed") }
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        socket = folder.appendingPathComponent("socket").path
        var programEnvironment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        programEnvironment.merge(environment) { _, new in new }
        let assignments = programEnvironment.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(Self.shellQuoted($0.value))" }
            .joined(separator: " ")
        try tmux([
            "start-server", ";",
            "set-option", "-g", "status", "off", ";",
            "set-option", "-g", "set-clipboard", "on", ";",
            "set-option", "-g", "remain-on-exit", "on", ";",
            "new-session", "-d", "-x", String(columns), "-y", String(rows),
            "exec env \(assignments) \(command)",
        ])
    }

    deinit {
        kill()
    }

    /// Types literal text, as if pasted key by key.
    func send(text: String) throws {
        try tmux(["send-keys", "-t", "=0:", "-l", text])
    }

    /// Presses named keys: `Enter`, `Escape`, `Up`, `C-l`, `BTab`, `F5`, `PageDown`…
    func send(keys: String...) throws {
        try tmux(["send-keys", "-t", "=0:"] + keys)
    }

    /// The pane's rows as text, trailing spaces removed.
    func capture() throws -> [String] {
        let output = try tmux(["capture-pane", "-p", "-t", "=0:"])
        var lines = output.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }
    }

    /// Polls the screen every 50 ms until `text` shows; returns the screen it showed on.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 5) throws -> [String] {
        try waitUntil(text, timeout: timeout) { screen in screen.contains { $0.contains(text) } }
    }

    /// Waits until `text` is on screen and `gone` is not (an overlay closed over it).
    func waitFor(_ text: String, without gone: String, timeout: TimeInterval = 5) throws -> [String] {
        try waitUntil("\(text) without \(gone)", timeout: timeout) { screen in
            screen.contains { $0.contains(text) } && !screen.contains { $0.contains(gone) }
        }
    }

    private func waitUntil(_ what: String, timeout: TimeInterval, _ done: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture()
        while !done(screen) {
            guard Date() < deadline else {
                throw Failure.timedOut(waitingFor: what, screen: screen)
            }
            Thread.sleep(forTimeInterval: 0.05)
            screen = try capture()
        }
        return screen
    }

    /// The pane's title, which OSC 0/2 sequences would change.
    func paneTitle() throws -> String {
        try tmux(["display-message", "-p", "-t", "=0:", "#{pane_title}"])
            .trimmingCharacters(in: .newlines)
    }

    /// tmux's paste buffers, which OSC 52 clipboard writes fill (`set-clipboard on`).
    func buffers() throws -> [String] {
        try tmux(["list-buffers", "-F", "#{buffer_name}: #{buffer_sample}"])
            .components(separatedBy: "\n").filter { !$0.isEmpty }
    }

    /// Resizes the window, which the program sees as SIGWINCH.
    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "=0:", "-x", String(columns), "-y", String(rows)])
    }

    /// True while the program in the pane has not exited.
    var isAlive: Bool {
        guard !killed,
            let dead = try? tmux(["display-message", "-p", "-t", "=0:", "#{pane_dead}"])
        else { return false }
        return dead.trimmingCharacters(in: .whitespacesAndNewlines) == "0"
    }

    /// The pid of the program in the pane: the command itself, which the pane's shell
    /// `exec`s (a command line of its own, `sh -c …`, is that shell's pid).
    func programPID() throws -> pid_t? {
        Int32(
            try tmux(["display-message", "-p", "-t", "=0:", "#{pane_pid}"]).trimmingCharacters(
                in: .whitespacesAndNewlines))
    }

    /// The program's exit status once it has exited, nil while it runs.
    func exitStatus() throws -> Int? {
        let output = try tmux([
            "display-message", "-p", "-t", "=0:", "#{pane_dead}:#{pane_dead_status}",
        ])
        let parts = output.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: ":", omittingEmptySubsequences: false)
        guard parts.first == "1", parts.count > 1 else { return nil }
        return Int(parts[1])
    }

    /// Waits until the program exits; returns its exit status.
    @discardableResult
    func waitForExit(timeout: TimeInterval = 5) throws -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = try exitStatus() { return status }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure.timedOut(waitingFor: "the program to exit", screen: try capture())
    }

    /// Stops the private tmux server and removes its folder; safe to call twice.
    func kill() {
        guard !killed else { return }
        _ = try? tmux(["kill-server"])
        killed = true
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        // A file, not a pipe: the command that starts the server forks the server, which
        // would keep a pipe open, and a reader waiting, for ever.
        let outputURL = folder.appendingPathComponent("output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let status = try Self.spawnAndWait(
            Self.tmuxPath ?? "/usr/bin/tmux",
            arguments: ["-S", socket, "-f", "/dev/null", "-u"] + arguments,
            environment: environment, outputPath: outputURL.path)
        let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure.tmuxFailed(arguments: arguments, status: status, output: text)
        }
        return text
    }

    /// Runs a program and waits for it alone.
    ///
    /// Not Foundation's `Process`: on Linux it learns of the exit through a descriptor the
    /// child inherits, and the tmux server the child forks keeps that open, so
    /// `waitUntilExit` never returns.
    private static func spawnAndWait(
        _ path: String, arguments: [String], environment: [String: String], outputPath: String
    ) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw Failure.tmuxFailed(
                arguments: arguments, status: spawned, output: "cannot start \(path)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Quotes `value` for `sh`.
    static func shellQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
