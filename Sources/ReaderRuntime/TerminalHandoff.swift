/// Something that can give the real terminal to a child process and take it back.
public protocol TerminalHandoff: AnyObject {
    /// Leaves full-screen mode, runs `body`, then restores the screen and redraws it all.
    func handOff(_ body: () -> Int32) -> Int32
}
