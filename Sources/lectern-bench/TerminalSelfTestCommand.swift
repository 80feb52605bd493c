import ArgumentParser

/// The terminal backend on its own, for end-to-end tests in tmux and for trying a terminal.
struct TerminalSelfTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal-self-test",
        abstract: "Draw test frames (wide text, colours, hostile text) and echo keys, mouse and resizes; q quits.")

    func run() throws {
        try TerminalSelfTest.run()
    }
}
