/// One line of the help screen: a command's keys, config name, help and scope.
public struct HelpEntry: Equatable, Sendable {
    public var command: Command
    /// The bound keys for display, "j, ↓"; "(unbound)" when the user removed them all.
    public var keys: String
    /// The config name, as written under `[keys]`.
    public var name: String
    public var help: String
    /// Where the command applies, in words.
    public var scope: String

    public init(command: Command, keys: String, name: String, help: String, scope: String) {
        self.command = command
        self.keys = keys
        self.name = name
        self.help = help
        self.scope = scope
    }
}

extension KeyMap {
    /// Every command of the table, in table order, with the keys this map binds.
    public var helpEntries: [HelpEntry] {
        CommandSpec.table.map { spec in
            let keys = self.keys(for: spec.command).map(\.displayName)
            return HelpEntry(
                command: spec.command, keys: keys.isEmpty ? "(unbound)" : keys.joined(separator: ", "),
                name: spec.name, help: spec.help, scope: spec.scope.helpDescription)
        }
    }
}
