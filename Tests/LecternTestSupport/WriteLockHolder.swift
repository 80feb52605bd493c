import Foundation
import XCTest

/// Another process holding the cache's write lock (`BEGIN IMMEDIATE`) until told to let go,
/// as an import or `lectern sync` in another terminal would.
public final class WriteLockHolder {
    private let process = Process()
    private let input = Pipe()
    private var released = false

    /// Returns once the other process holds the lock; skips the test without python3.
    public init(databasePath: String) throws {
        guard
            ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
                .contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }) ?? false
        else { throw XCTSkip("python3 is not installed") }
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script, databasePath]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var said = Data()
        while !said.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            said.append(chunk)
        }
        guard String(decoding: said, as: UTF8.self).hasPrefix("locked") else {
            throw XCTSkip("python3 could not lock \(databasePath)")
        }
    }

    /// Commits (nothing) and exits, freeing the lock.
    public func release() {
        guard !released else { return }
        released = true
        input.fileHandleForWriting.write(Data("\n".utf8))
        process.waitUntilExit()
    }

    deinit {
        release()
    }

    private static let script = """
        import sqlite3, sys
        db = sqlite3.connect(sys.argv[1], isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        print("locked", flush=True)
        sys.stdin.readline()
        db.execute("COMMIT")
        """
}
