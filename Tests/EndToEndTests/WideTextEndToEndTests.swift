import Foundation
import LecternTestSupport
import XCTest

/// Full-width (CJK) text, ZWJ emoji and zero-width characters in the real reader, in tmux.
final class WideTextEndToEndTests: XCTestCase {
    /// CJK text that starts one column later every other paragraph, so overlay borders cut
    /// wide characters through both their halves somewhere.
    private static let cjk = String(repeating: "中文字符全角ＡＢＣ", count: 14)
    /// Article text with a ZWJ family, a byte order mark, a zero-width space, a ZWNJ and a word joiner.
    private static let invisibles = "fam:👨‍👩‍👧|bom:a\u{FEFF}b|zwsp:c\u{200B}d|zwnj:e\u{200C}f|wj:g\u{2060}h|end"

    private var folder: URL!
    private var binary: URL!

    override func setUpWithError() throws {
        binary = try BuiltProduct.lectern()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-wide-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try importExport()
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    func testClosingSearchAndHelpOverFullWidthTextLeavesEveryLineAsItWas() throws {
        // Given the reader showing a CJK article beside a CJK thread at 120×40
        let terminal = try startReader()
        try terminal.waitFor("Comments", timeout: 20)
        let before = try settledScreen(terminal, showing: "x中文字符")

        for (open, close, marker) in [("/", "Escape", "Search:"), ("?", "q", "Keys")] {
            // When an overlay opens over the wide text, with its borders through wide characters
            try terminal.send(keys: open)
            let overlaid = try terminal.waitFor(marker, timeout: 10)
            XCTAssertTrue(
                overlaid.contains(where: cutsAWideCharacter),
                "no border cuts a wide character:\n"
                    + overlaid.joined(separator: "\n"))

            // And closes again
            try terminal.send(keys: close)
            let after = try screen(of: terminal, becoming: before, closing: close)

            // Then capture-pane shows every original line exactly: no stale half or border
            XCTAssertEqual(after, before, "after \(open) and \(close):\n" + diff(before, after))
        }
        try terminal.send(keys: "q")
    }

    func testAFamilyEmojiShowsAsOneFaceAndZeroWidthCharactersNeverReachTheTerminal() throws {
        // Given an article whose text holds a ZWJ family, U+FEFF, U+200B, ZWNJ and U+2060
        let terminal = try startReader()
        try terminal.waitFor("Comments", timeout: 20)

        // When the reader shows it
        let screen = try settledScreen(terminal, showing: "fam:")

        // Then the family is its first face in two columns and the rest closes up, no gaps
        XCTAssertTrue(
            screen.contains { $0.hasPrefix(" fam:👨|bom:ab|zwsp:cd|zwnj:ef|wj:gh|end ") },
            screen.joined(separator: "\n"))
        // And no zero-width code point reached the terminal, in any pane
        let sent = screen.joined().unicodeScalars.filter {
            [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xFE0F].contains($0.value)
        }
        XCTAssertEqual(sent.map { String($0.value, radix: 16) }, [])
        // And the list, whose title holds the family too, keeps its columns
        XCTAssertTrue(screen.contains { $0.contains("Wide 👨 post") }, screen.joined(separator: "\n"))
        try terminal.send(keys: "q")
    }

    // MARK: - Helpers

    /// Imports a WordPress export of one post and two comments full of wide text.
    private func importExport() throws {
        let paragraphs = "<p>x\(Self.cjk)</p><p>\(Self.cjk)</p><p>x\(Self.cjk)</p><p>\(Self.invisibles)</p>"
        let comment = { (id: Int, text: String) in
            """
            <wp:comment><wp:comment_id>\(id)</wp:comment_id><wp:comment_author><![CDATA[読者\(id)]]></wp:comment_author>
            <wp:comment_date_gmt><![CDATA[2025-07-01 1\(id):00:00]]></wp:comment_date_gmt>
            <wp:comment_content><![CDATA[\(text)]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>
            <wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
            """
        }
        let export = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
              xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel><title>広い Blog</title><link>https://wide.example.org</link><wp:wxr_version>1.2</wp:wxr_version>
            <item><title><![CDATA[Wide 👨‍👩‍👧 post]]></title><link>https://wide.example.org/1/</link>
            <guid isPermaLink="false">https://wide.example.org/?p=1</guid>
            <content:encoded><![CDATA[\(paragraphs)]]></content:encoded>
            <wp:post_id>1</wp:post_id><wp:post_date_gmt><![CDATA[2025-07-01 09:00:00]]></wp:post_date_gmt>
            <wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>
            \(comment(1, "x" + Self.cjk))
            \(comment(2, Self.cjk))
            </item></channel></rss>
            """
        let file = folder.appendingPathComponent("wide.xml")
        try export.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["import", file.path, "--db", database]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "lectern import")
    }

    private var database: String { folder.appendingPathComponent("cache.sqlite").path }

    private func startReader() throws -> TmuxSession {
        let environment = [
            "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
            "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
        ]
        let reader = "\(TmuxSession.shellQuoted(binary.path)) --db \(TmuxSession.shellQuoted(database))"
        return try TmuxSession(
            command: "sh -c " + TmuxSession.shellQuoted("\(reader); echo LECTERN-EXIT $?; exec sleep 600"),
            columns: 120, rows: 40, environment: environment)
    }

    /// The screen once `text` shows and two captures 200 ms apart agree.
    private func settledScreen(_ terminal: TmuxSession, showing text: String) throws -> [String] {
        var screen = try terminal.waitFor(text, timeout: 20)
        for _ in 0..<50 {
            Thread.sleep(forTimeInterval: 0.2)
            let next = try terminal.capture()
            if next == screen { return screen }
            screen = next
        }
        return screen
    }

    /// Waits up to 5 s for the screen to equal `expected` (pressing `close` once more if
    /// an overlay is still open after a second); returns the last screen seen.
    private func screen(of terminal: TmuxSession, becoming expected: [String], closing close: String) throws -> [String]
    {
        let deadline = Date().addingTimeInterval(5)
        var pressedAgain = false
        var screen = try terminal.capture()
        while screen != expected, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            screen = try terminal.capture()
            if !pressedAgain, Date() > deadline.addingTimeInterval(-4),
                screen.contains(where: { $0.contains("Search:") || $0.contains("Keys") })
            {
                try terminal.send(keys: close)
                pressedAgain = true
            }
        }
        return screen
    }

    /// True when a border follows a wide character and a space: the half of a wide
    /// character the border covered left its other half blank.
    private func cutsAWideCharacter(_ line: String) -> Bool {
        let characters = Array(line)
        return characters.indices.dropFirst(2).contains { index in
            "╭│╰".contains(characters[index]) && characters[index - 1] == " "
                && (characters[index - 2].unicodeScalars.first?.properties.isIdeographic ?? false
                    || ("Ａ"..."Ｚ").contains(characters[index - 2]))
        }
    }

    private func diff(_ before: [String], _ after: [String]) -> String {
        (0..<max(before.count, after.count)).compactMap { index in
            let old = index < before.count ? before[index] : "∅"
            let new = index < after.count ? after[index] : "∅"
            return old == new ? nil : "row \(index):\n- \(old)\n+ \(new)"
        }.joined(separator: "\n")
    }
}
