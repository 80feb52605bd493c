/// Why a `[keys]` section could not be applied; the message names the entry.
public enum KeyMapError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCommand(String)
    case invalidKey(command: String, key: String)
    case conflict(key: String, first: String, second: String)

    public var description: String {
        switch self {
        case .unknownCommand(let name):
            return "keys: unknown command \"\(name)\""
        case .invalidKey(let command, let key):
            return "keys.\(command): unknown key name \"\(key)\""
        case .conflict(let key, let first, let second):
            return "keys: \"\(key)\" is bound to both \(first) and \(second)"
        }
    }
}
