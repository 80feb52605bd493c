import CNcursesw
import Glibc
import ReaderCore
import ScreenKit

/// The real terminal, through ncursesw: set-up and restore, input events and drawing.
///
/// This is the only type in Lectern that talks to curses. It draws a `ScreenBuffer` by
/// writing only the cells that changed since the previous frame, and turns keys, resizes
/// and mouse actions into `InputEvent`s. Use it from one thread.
public final class Terminal {
    /// Why the terminal could not be taken over.
    public enum StartError: Error, Equatable, Sendable {
        /// curses could not initialise the terminal (no terminal, or an unknown `TERM`).
        case cannotInitialize(term: String)
    }

    var screen: UnsafeMutablePointer<WINDOW>?
    var isActive = false
    /// The frame on screen; nil forces the next `draw` to redraw every cell.
    var previousFrame: ScreenBuffer?
    var previousTheme: Theme?
    var colorPairs = ColorPairTable()
    var slotRenditions: [StyleSlot: CellRendition] = [:]
    var cursorVisible = false
    /// Written to by the resize signal handler, so `waitForEvent` wakes on a resize.
    let resizeWake = ResizeWake()

    public init() {}

    /// Takes over the terminal: full-screen mode, raw keys, mouse, colours, restore on exit.
    ///
    /// Installs handlers so that a normal exit, SIGINT, SIGTERM, SIGHUP and a crash
    /// (SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE) put the terminal back before the process ends.
    public func start() throws {
        guard !isActive else { return }
        Self.selectUTF8Locale()
        // Before initscr, so curses sees our handlers and keeps its own out of the way.
        lectern_install_restore_handlers()
        // newterm, unlike initscr, reports a bad TERM instead of exiting the process.
        guard let terminal = newterm(nil, lectern_stdout(), lectern_stdin()) else {
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw StartError.cannotInitialize(term: term)
        }
        _ = set_term(terminal)
        lectern_wake_on_resize(resizeWake.write)
        screen = lectern_stdscr()
        isActive = true
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(screen, true)
        _ = lectern_set_escape_delay(25)
        Self.defineAlternativeKeySequences()
        _ = curs_set(0)
        cursorVisible = false
        if has_colors() {
            _ = start_color()
            colorPairs = ColorPairTable(
                colorCount: Int(lectern_colors()), pairCount: Int(lectern_color_pairs()),
                hasDefaultColors: use_default_colors() == OK)
        }
        let mouseEvents =
            lectern_button1_pressed() | lectern_button4_pressed() | lectern_button5_pressed()
        _ = mousemask(mouseEvents, nil)
        _ = mouseinterval(0)
        invalidate()
    }

    /// Gives the terminal back as it was; safe to call more than once.
    public func stop() {
        guard isActive else { return }
        isActive = false
        lectern_restore_terminal()
    }

    deinit {
        stop()
    }

    /// The terminal's size in cells.
    public var size: (columns: Int, rows: Int) {
        guard isActive else { return (0, 0) }
        return (Int(lectern_columns()), Int(lectern_lines()))
    }

    /// Forgets what is on screen, so the next `draw` repaints every cell.
    public func invalidate() {
        previousFrame = nil
    }

    /// Leaves full-screen mode while `body` runs, then comes back and repaints.
    ///
    /// An editor or browser started inside `body` gets the real terminal, exactly as the
    /// shell left it.
    public func suspend<T>(_ body: () throws -> T) rethrows -> T {
        guard isActive else { return try body() }
        _ = def_prog_mode()
        _ = endwin()
        defer {
            _ = reset_prog_mode()
            _ = wrefresh(screen)
            invalidate()
        }
        return try body()
    }

    /// Teaches curses the Home and End sequences terminals send besides their terminfo
    /// entry: tmux and screen send VT220's `ESC [ 1 ~` and `ESC [ 4 ~` even under
    /// `TERM=xterm-256color`, rxvt sends 7 and 8.
    private static func defineAlternativeKeySequences() {
        let sequences: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME),
            ("\u{1B}OH", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END),
            ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ]
        for (sequence, key) in sequences where key_defined(sequence) <= 0 {
            _ = define_key(sequence, key)
        }
    }

    /// Chooses a locale whose character type is UTF-8; in the C locale curses counts
    /// every non-ASCII character as unprintable.
    static func selectUTF8Locale() {
        _ = setlocale(LC_ALL, "")
        if !isUTF8Codeset() {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
