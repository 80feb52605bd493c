import Foundation
import XCTest

/// One of the Python servers in `Server/` running on 127.0.0.1 for one test.
///
/// Each script prints its port on its first line and exits when the pipe to its stdin
/// closes, so even a crashed test run leaves nothing behind; `stop()` ends it at once.
public final class PythonServer {
    public let port: Int
    private let process = Process()
    private let stdinPipe = Pipe()

    /// Starts `Server/<script>` with `arguments`; skips the test when python3 cannot run it.
    public init(script: String, arguments: [String] = []) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Server/\(script)")
        let stdoutPipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path.path] + arguments
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdoutPipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw XCTSkip("\(script) did not start (is python3 installed?)")
        }
        self.port = port
    }

    public var base: String { "http://127.0.0.1:\(port)" }

    public func url(_ path: String) -> URL { URL(string: base + path)! }

    public func stop() {
        try? stdinPipe.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
