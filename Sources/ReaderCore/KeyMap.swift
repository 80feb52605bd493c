/// Which command each key runs, per scope: the table's defaults plus the user's `[keys]`.
public struct KeyMap: Equatable, Sendable {
    /// Keys bound to each command, in the order the help screen shows them.
    public private(set) var bindings: [Command: [Key]]
    /// For each key, the commands it may run, most specific scope first.
    private var candidates: [Key: [Command]]

    /// The defaults of `CommandSpec.table`.
    public static let standard = try! KeyMap(overrides: [:])

    /// Builds the map; an override replaces all default keys of the command it names.
    ///
    /// `overrides` is `config.toml`'s `[keys]` table: command name → key names.
    public init(overrides: [String: [String]]) throws(KeyMapError) {
        var bindings: [Command: [Key]] = [:]
        for spec in CommandSpec.table { bindings[spec.command] = spec.defaultKeys }
        for (name, keyNames) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let spec = CommandSpec.named(name) else { throw .unknownCommand(name) }
            var keys: [Key] = []
            for keyName in keyNames {
                guard let key = Key(name: keyName) else {
                    throw .invalidKey(command: name, key: keyName)
                }
                if !keys.contains(key) { keys.append(key) }
            }
            bindings[spec.command] = keys
        }
        self.bindings = bindings
        candidates = try Self.index(bindings)
    }

    /// The keys that run `command`.
    public func keys(for command: Command) -> [Key] { bindings[command] ?? [] }

    /// The command `key` runs in `scope`, if any.
    public func command(for key: Key, in scope: CommandScope) -> Command? {
        candidates[key]?.first { $0.spec.scope.contains(scope) }
    }

    private static func index(_ bindings: [Command: [Key]]) throws(KeyMapError) -> [Key: [Command]] {
        var candidates: [Key: [Command]] = [:]
        for spec in CommandSpec.table {
            for key in bindings[spec.command] ?? [] {
                let others = candidates[key] ?? []
                // Equal breadth and a shared scope would make the key ambiguous somewhere.
                if let clash = others.first(where: {
                    $0.spec.scope.breadth == spec.scope.breadth
                        && !$0.spec.scope.isDisjoint(with: spec.scope)
                }) {
                    throw .conflict(key: key.name, first: clash.spec.name, second: spec.name)
                }
                candidates[key] = (others + [spec.command]).sorted {
                    $0.spec.scope.breadth < $1.spec.scope.breadth
                }
            }
        }
        return candidates
    }
}
