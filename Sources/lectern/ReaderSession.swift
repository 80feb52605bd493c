import BlogModel
import Foundation
import ReaderCore
import ReaderRuntime
import ScreenKit
import TerminalBackend

/// The reader's run loop: events in, `reduce`, effects out, one frame drawn per turn.
final class ReaderSession {
    private var state: AppState
    private let terminal = Terminal()
    private let theme: Theme
    private let effects: EffectRunner
    private var running = true

    init(library: ReaderLibrary, settings: ReaderSettings, configFile: URL, keyMap: KeyMap, theme: Theme) {
        self.state = AppState(size: ScreenSize(columns: 80, rows: 24), keyMap: keyMap)
        self.theme = theme
        self.effects = EffectRunner(store: library.store, isSample: library.isSample, settings: settings)
        effects.identityPrompt = { IdentityPrompt.ask(savingTo: configFile) }
    }

    func run() async throws {
        try terminal.start()
        defer { terminal.stop() }
        let size = terminal.size
        state.size = ScreenSize(columns: size.columns, rows: size.rows)
        effects.terminal = terminal
        for message in effects.startupMessages() + effects.recoverDraftFiles() { dispatch(.message(message, isError: false)) }
        dispatch(.start)
        draw()
        while running {
            if let event = terminal.nextEvent(timeoutMilliseconds: 100) {
                dispatch(.input(event))
                // Drain what is already typed before drawing, so held keys never lag behind.
                while running, let more = terminal.nextEvent(timeoutMilliseconds: 0) {
                    dispatch(.input(more))
                }
            }
            for action in effects.inbox.drain() { dispatch(action) }
            if running { draw() }
        }
        effects.finish(state: state)
    }

    /// Reduces `action` and runs the effects it asks for, feeding their answers back.
    private func dispatch(_ action: Action) {
        var pending = [action]
        while !pending.isEmpty {
            let next = pending.removeFirst()
            for effect in reduce(&state, next) {
                switch effect {
                case .quit:
                    running = false
                case .redraw:
                    terminal.invalidate()
                default:
                    pending.append(contentsOf: effects.run(effect, state: state))
                }
            }
        }
    }

    private func draw() {
        let buffer = ScreenRenderer.render(state, size: state.size) { [effects] comment in
            effects.richText(for: comment)
        }
        terminal.draw(buffer, theme: theme)
    }
}
