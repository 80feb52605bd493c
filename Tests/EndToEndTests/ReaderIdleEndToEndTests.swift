import Foundation
import LecternTestSupport
import XCTest

/// The reader sleeps while nothing happens: no polling interval wakes it, yet a key, a
/// resize or a background answer is shown at once.
final class ReaderIdleEndToEndTests: XCTestCase {
    private var folder: URL!
    private var binary: URL!

    override func setUpWithError() throws {
        binary = try BuiltProduct.lectern()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-idle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The reader on the bundled sample blog (an empty cache), run directly as the pane's program.
    private func startReader() throws -> TmuxSession {
        let database = folder.appendingPathComponent("cache.sqlite").path
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuoted(binary.path)) --db \(TmuxSession.shellQuoted(database))",
            environment: [
                "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
                "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
            ])
        _ = try session.waitFor("Comments", timeout: 10)
        return session
    }

    /// How often the process has been scheduled off the CPU (each wake-up counts one).
    private func contextSwitches(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        return status.split(separator: "\n").filter { $0.hasSuffix("ctxt_switches") || $0.contains("ctxt_switches:") }
            .compactMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") }
            .reduce(0, +)
    }

    func testAnIdleReaderIsNotWokenAndStillAnswersKeysAndResizes() throws {
        // Given the reader open and settled
        let session = try startReader()
        defer { session.kill() }
        let pid = try XCTUnwrap(try session.programPID())
        Thread.sleep(forTimeInterval: 1)

        // When nothing happens for three seconds
        let before = try contextSwitches(pid)
        Thread.sleep(forTimeInterval: 3)
        let after = try contextSwitches(pid)

        // Then it stayed asleep (a 100 ms poll would wake it about 30 times)
        XCTAssertLessThan(after - before, 6, "context switches while idle")

        // And a key and a resize still reach it at once
        try session.send(keys: "?")
        _ = try session.waitFor("Keys — q or Esc to close", timeout: 2)
        try session.send(keys: "q")
        try session.resize(columns: 90, rows: 30)
        let resized = try session.waitFor("Comments", timeout: 2)
        XCTAssertTrue(resized.allSatisfy { $0.count <= 90 }, resized.joined(separator: "\n"))
        XCTAssertEqual(resized.count, 30)
    }
}
