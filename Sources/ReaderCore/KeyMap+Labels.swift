/// Key names for text the user reads (status messages, footers, prompts), taken from the key
/// map so they stay right after the user rebinds a key.
extension KeyMap {
    /// The first key bound to `command`, else its config name (a command the user unbound
    /// is still named, the way the config file names it).
    public func label(for command: Command) -> String {
        keys(for: command).first?.displayName ?? command.spec.name
    }

    /// "Enter/e edit · d delete": for each item, the keys of its commands (the first key of
    /// each, joined by "/") and what it does, items joined by " · ".
    public func hints(_ items: [(commands: [Command], text: String)]) -> String {
        items.map { item in
            item.commands.map { label(for: $0) }.joined(separator: "/") + " " + item.text
        }.joined(separator: " · ")
    }
}
