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
        effects.identityPrompt = { IdentityPrompt.ask(savingTo: configFile) }
        self.engine = ReaderEngine(
            state: AppState(size: ScreenSize(columns: 80, rows: 24), keyMap: keyMap), effects: effects)
        self.theme = theme
    }

    func run() throws {
        try terminal.start()
        defer { terminal.stop() }
        engine.effects.terminal = terminal
        let size = terminal.size
        engine.dispatch(.input(.resize(columns: size.columns, rows: size.rows)))
        for message in engine.effects.startupMessages() + engine.effects.recoverDraftFiles() {
            engine.dispatch(.message(message, isError: false))
        }
        engine.dispatch(.start)
        draw()
        while engine.isRunning {
            if let event = terminal.nextEvent(timeoutMilliseconds: 100) {
                engine.handle(event)
                // Drain what is already typed before drawing, so held keys never lag behind.
                while engine.isRunning, let more = terminal.nextEvent(timeoutMilliseconds: 0) {
                    engine.handle(more)
                }
            }
            engine.drainInbox()
            if engine.isRunning { draw() }
        }
        engine.effects.finish(state: engine.state)
    }

    private func draw() {
        let buffer = engine.frame()
        if engine.takeFullRedrawRequest() { terminal.invalidate() }
        terminal.draw(buffer, theme: theme)
    }
}
