import Foundation

/// Runs the user's browser or editor as a child with the terminal to itself.
enum ChildProcess {
    /// Runs `command` (a shell fragment such as `vim -u NONE`) with `argument` appended as a
    /// separate, unparsed word, and waits for it. Returns the exit status, or 127 if it could not start.
    @discardableResult
    static func runShell(command: String, argument: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // "$1" keeps the URL or path one word whatever it contains; no quoting games.
        process.arguments = ["-c", "\(command) \"$1\"", "lectern", argument]
        process.standardInput = FileHandle.standardInput
        process.standardOutput = FileHandle.standardOutput
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            return 127
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
