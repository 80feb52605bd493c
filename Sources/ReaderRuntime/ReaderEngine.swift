import BlogModel
import ReaderCore
import ScreenKit
import TextLayout

/// The reader without a terminal: state, effects run against the cache, and frames.
///
/// The ncurses session and the benchmark both drive this, so what is measured is what runs.
public final class ReaderEngine {
    public private(set) var state: AppState
    public let effects: EffectRunner
    public private(set) var isRunning = true
    private var fullRedrawRequested = false
    /// The state the last frame showed; nil before the first.
    private var framedState: AppState?

    public init(state: AppState, effects: EffectRunner) {
        self.state = state
        self.effects = effects
    }

    /// Reduces `action` and runs the effects it asks for, feeding their answers back.
    public func dispatch(_ action: Action) {
        var pending = [action]
        while !pending.isEmpty {
            let next = pending.removeFirst()
            for effect in reduce(&state, next) {
                switch effect {
                case .quit: isRunning = false
                case .redraw: fullRedrawRequested = true
                default: pending.append(contentsOf: effects.run(effect, state: state))
                }
            }
        }
    }

    /// Turns a terminal event into actions; mouse presses in the thread land on the comment drawn there.
    public func handle(_ event: InputEvent) {
        awaitWindowAtEdge()
        if case .mouse(let mouse) = event, mouse.action == .press, case .normal = state.mode,
            let list = state.layout.threadList, list.contains(column: mouse.column, row: mouse.row),
            let hit = state.threadViewport.hit(line: mouse.row - list.y, column: mouse.column - list.x)
        {
            dispatch(.selectThreadRow(hit.row))
            if hit.onFoldMarker { dispatch(.command(.toggleCollapse)) }
            return
        }
        dispatch(.input(event))
    }

    /// A key pressed on the last loaded post (or the first) while the window beyond it is
    /// being read must find that window there, not be dropped: wait for the read (a read
    /// never waits for a writer in WAL mode; bounded all the same) and take its answer.
    private func awaitWindowAtEdge() {
        let posts = state.posts
        guard posts.isLoadingOlder || posts.isLoadingNewer,
            posts.selected >= posts.windowEnd - 1 || posts.selected <= posts.windowStart
        else { return }
        // The answer may be in the inbox already, behind the keys typed in one burst.
        if effects.isAwaitingBackgroundAnswers { effects.waitForBackgroundAnswers(timeout: 2) }
        drainInbox()
    }

    /// Background results (sync progress, sent drafts) waiting to be reduced.
    public func drainInbox() {
        for action in effects.inbox.drain() { dispatch(action) }
    }

    /// Whether the screen is out of date: the state changed since the last frame, or a full
    /// repaint was asked for. (Comparing states is cheap: unchanged arrays share storage.)
    public var needsFrame: Bool { fullRedrawRequested || framedState != state }

    /// True once after something asked for every cell to be repainted.
    public func takeFullRedrawRequest() -> Bool {
        defer { fullRedrawRequested = false }
        return fullRedrawRequested
    }

    /// One frame of the state, as reduce laid it out.
    public func frame() -> ScreenBuffer {
        framedState = state
        return ScreenRenderer.render(state, size: state.size)
    }
}
