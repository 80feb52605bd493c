import Foundation
import ReaderCore
import ReaderRuntime
import ScreenKit
import TerminalBackend

/// The reader in a real terminal: curses events in, frames out.
final class ReaderSession {
    private let engine: ReaderEngine
    private let terminal = Terminal()
    private let theme: Theme

    init(library: ReaderLibrary, settings: ReaderSettings, configFile: URL, keyMap: KeyMap, theme: Theme) {
        let effects = EffectRunner(store: library.store, isSample: library.isSample, settings: settings)
        effects.identityStore = { identity in
            try ReaderConfig.saveAuthor(
                ReaderConfig.Author(name: identity.name, email: identity.email, url: identity.url), to: configFile)
        }
        self.engine = ReaderEngine(
            state: AppState(size: ScreenSize(columns: 80, rows: 24), keyMap: keyMap), effects: effects)
        self.theme = theme
    }

    /// How long quitting waits for another process's write lock before keeping the last read
    /// marks for the next start and saying which changes were not made.
    static let exitWait: TimeInterval = 5

    /// Runs the reader until the user quits; returns lines for the restored terminal (what
    /// another process's write lock kept out of the cache).
    func run() throws -> [String] {
        try terminal.start()
        defer { terminal.stop() }
        engine.effects.terminal = terminal
        let size = terminal.size
        engine.dispatch(.input(.resize(columns: size.columns, rows: size.rows)))
        for message in engine.effects.startupMessages() {
            engine.dispatch(.message(message, isError: false))
        }
        // Answers through the inbox: saving them may wait for another process's write lock.
        engine.effects.recoverDraftFiles()
        engine.dispatch(.start)
        draw()
        engine.effects.startSearchIndexCatchUp()
        while engine.isRunning {
            // Asleep until a key, a resize or a background answer: no polling interval.
            terminal.waitForEvent(orReadable: engine.effects.inbox.wakeDescriptor)
            // Handle everything already typed before drawing, so held keys never lag behind.
            while engine.isRunning, let event = terminal.nextEvent(timeoutMilliseconds: 0) {
                engine.handle(event)
            }
            engine.drainInbox()
            if engine.isRunning, engine.needsFrame { draw() }
        }
        engine.effects.finish(state: engine.state)
        return closeWrites()
    }

    /// Makes the queued writes before the screen goes; a lock held elsewhere is shown on the
    /// status line while the reader waits for it (a bounded time).
    private func closeWrites() -> [String] {
        if !engine.effects.waitUntilWritten(timeout: 0.3) {
            engine.dispatch(
                .message(
                    "saving your changes: \(StatusMessage.waitingForWriter.text) (at most \(Int(Self.exitWait)) s)",
                    isError: false))
            draw()
        }
        return engine.effects.closeWrites(waitingAtMost: Self.exitWait)
    }

    private func draw() {
        let buffer = engine.frame()
        if engine.takeFullRedrawRequest() { terminal.invalidate() }
        terminal.draw(buffer, theme: theme)
    }
}
