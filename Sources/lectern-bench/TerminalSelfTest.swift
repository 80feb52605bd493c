import Glibc
import ReaderCore
import ScreenKit
import TerminalBackend
import TextLayout

/// A few frames that exercise the real terminal: wide characters, emoji, styles, colours,
/// hostile text, keys, mouse and resizes; `s` runs a shell prompt outside curses, `q` quits.
///
/// Run by `lectern-bench terminal-self-test` so that end-to-end tests can check the
/// backend inside tmux without the rest of the reader.
enum TerminalSelfTest {
    /// The first line the self-test shows; tests wait for it.
    static let banner = "Lectern terminal self-test: press keys, q quits"

    /// Text that would set the window title, write the clipboard and colour the screen
    /// if it reached the terminal unfiltered.
    static let hostileText =
        "\u{1B}]2;PWNED-TITLE\u{07}\u{1B}]52;c;cHduZWQ=\u{07}\u{9B}31mRED\u{1B}[2J"

    /// Takes over the terminal until the user presses `q`.
    static func run() throws {
        let terminal = Terminal()
        try terminal.start()
        defer { terminal.stop() }
        var lastEvent = "none"
        var eventCount = 0
        while true {
            let (columns, rows) = terminal.size
            let frame = makeFrame(
                columns: columns, rows: rows, lastEvent: lastEvent, eventCount: eventCount)
            terminal.draw(frame, theme: theme)
            guard let event = terminal.nextEvent(timeoutMilliseconds: 1000) else { continue }
            if event == .key(.character("q")) { return }
            if event == .key(.character("s")) {
                terminal.suspend { runChildPrompt() }
            }
            eventCount += 1
            lastEvent = describe(event)
        }
    }

    /// The frame shown for a terminal of the given size.
    static func makeFrame(columns: Int, rows: Int, lastEvent: String, eventCount: Int)
        -> ScreenBuffer
    {
        var buffer = ScreenBuffer(columns: columns, rows: rows)
        let lines: [(String, StyleSlot)] = [
            (banner, .statusBar),
            ("", .normal),
            ("ascii: abcdefghij|", .normal),
            ("wide:  漢字テスト|", .normal),
            ("emoji: 🙂🎉abcdef|", .normal),
            ("zwj:   👨‍👩‍👧........|", .normal),
            ("marks: e\u{301}a\u{308}o\u{302}.......|", .normal),
            ("hostile: " + hostileText + "|", .normal),
            ("", .normal),
            ("size: \(columns)x\(rows)", .normal),
            ("last event: \(lastEvent)", .statusMessage),
            ("events: \(eventCount)", .normal),
        ]
        for (row, line) in lines.enumerated() {
            put(line.0, row: row, column: 0, slot: line.1, into: &buffer)
        }
        let samples: [(String, StyleSlot)] = [
            ("bold", .bold), ("italic", .italic), ("underline", .link), ("reverse", .listSelected),
            ("dim", .listMeta), ("red", .statusError), ("indexed", .heading),
        ]
        var column = 0
        for sample in samples {
            put(sample.0, row: 13, column: column, slot: sample.1, into: &buffer)
            column += sample.0.count + 1
        }
        if rows > 0 {
            put(
                "bottom-right corner", row: rows - 1, column: max(0, columns - 19), slot: .help,
                into: &buffer)
        }
        return buffer
    }

    /// Writes `text` one grapheme per cell, with a continuation cell after each wide one.
    static func put(
        _ text: String, row: Int, column: Int, slot: StyleSlot, into buffer: inout ScreenBuffer
    ) {
        var column = column
        for character in text {
            // Raw control characters go into cells on purpose (the backend must show them as
            // one `?` each), so they take a column here too.
            let width = max(1, DisplayWidth.width(of: character))
            guard column + width <= buffer.columns else { return }
            buffer[row, column] = Cell(String(character), slot: slot)
            if width == 2 { buffer[row, column + 1] = Cell("", slot: slot) }
            column += width
        }
    }

    /// Runs a child that owns the real terminal, as an editor would, until Enter.
    static func runChildPrompt() {
        let script = "printf 'suspended, press Enter: '; read answer"
        let words: [String] = ["/bin/sh", "-c", script]
        let arguments = words.map { strdup($0) } + [nil]
        defer {
            for argument in arguments { free(argument) }
        }
        var child: pid_t = 0
        guard posix_spawn(&child, "/bin/sh", nil, nil, arguments, environ) == 0 else { return }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1, errno == EINTR {}
    }

    static func describe(_ event: InputEvent) -> String {
        switch event {
        case .key(let key): return "key \(key)"
        case .resize(let columns, let rows): return "resize \(columns)x\(rows)"
        case .mouse(let mouse): return "mouse \(mouse.action) at \(mouse.column),\(mouse.row)"
        }
    }

    static let theme = Theme(
        name: "self-test",
        styles: [
            .normal: TextStyle(),
            .statusBar: TextStyle(foreground: .ansi(0), background: .ansi(6), bold: true),
            .statusMessage: TextStyle(foreground: .ansi(3)),
            .bold: TextStyle(bold: true),
            .italic: TextStyle(italic: true),
            .link: TextStyle(foreground: .ansi(4), underline: true),
            .listSelected: TextStyle(reverse: true),
            .listMeta: TextStyle(dim: true),
            .statusError: TextStyle(foreground: .ansi(1), bold: true),
            .heading: TextStyle(foreground: .indexed(208), background: .indexed(236)),
            .help: TextStyle(foreground: .ansi(2)),
        ])
}
