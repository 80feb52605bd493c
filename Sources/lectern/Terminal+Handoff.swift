import ReaderRuntime
import TerminalBackend

extension Terminal: TerminalHandoff {
    public func handOff(_ body: () -> Int32) -> Int32 { suspend(body) }
}
