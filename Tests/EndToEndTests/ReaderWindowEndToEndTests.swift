import Foundation
import LecternTestSupport
import XCTest

/// A list longer than one window (100 posts): windows ahead of the selection load in the
/// background, and the user still gets where they asked to go.
final class ReaderWindowEndToEndTests: XCTestCase {
    private var folder: URL!
    private var binary: URL!
    private var database: String { folder.appendingPathComponent("cache.sqlite").path }

    override func setUpWithError() throws {
        binary = try BuiltProduct.lectern()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// An RSS feed of `count` posts, "Post 1" the oldest, one a day.
    private func writeFeed(posts count: Int) throws -> URL {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let items = (1...count).map { number in
            """
            <item><title>Post \(number)</title><link>https://long.example.org/\(number)</link>
            <guid>https://long.example.org/\(number)</guid>
            <pubDate>\(formatter.string(from: start.addingTimeInterval(Double(number) * 86_400)))</pubDate>
            <description>&lt;p&gt;Body of post \(number).&lt;/p&gt;</description></item>
            """
        }
        let feed = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Long Blog</title><link>https://long.example.org/</link>
            <description>Many posts</description>
            \(items.joined(separator: "\n"))
            </channel></rss>
            """
        let url = folder.appendingPathComponent("long.xml")
        try feed.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private func run(_ executable: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(
            process.terminationStatus, 0, "\(executable.lastPathComponent) \(arguments.joined(separator: " "))")
    }

    func testNextUnreadFindsAPostWindowsAwayAndHeldKeysCrossWindows() throws {
        // Given 350 posts of which only the oldest is unread
        try run(binary, ["import", try writeFeed(posts: 350).path, "--db", database])
        try run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "-c",
                "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
                    + "db.execute(\"UPDATE post SET read_at = 1 WHERE title <> 'Post 1'\"); db.commit()",
                database,
            ])
        let reader = "\(TmuxSession.shellQuoted(binary.path)) --db \(TmuxSession.shellQuoted(database))"
        let terminal = try TmuxSession(
            command: "sh -c " + TmuxSession.shellQuoted("\(reader); echo LECTERN-EXIT $?; exec sleep 600"),
            environment: [
                "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
                "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
            ])
        _ = try terminal.waitFor("Body of post 350.", timeout: 20)

        // When the user asks for the next unread post, Then it opens, three windows down
        try terminal.send(keys: "n")
        _ = try terminal.waitFor("Body of post 1.", timeout: 20)

        // When they go back to the top and hold j past the end of the first window
        try terminal.send(keys: "g")
        _ = try terminal.waitFor("Body of post 350.", timeout: 20)
        try terminal.send(text: String(repeating: "j", count: 130))

        // Then every press counted: the post 130 below the top is open
        _ = try terminal.waitFor("Body of post 220.", timeout: 20)
        try terminal.send(keys: "q")
        _ = try terminal.waitFor("LECTERN-EXIT 0", timeout: 20)
    }
}
