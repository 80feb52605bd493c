/// Where a command applies: a pane, or an overlay kind.
///
/// When one key is bound in a scope to two commands, the command with the narrower scope
/// wins: `Space` pages everywhere but folds in the thread pane, where `toggleCollapse` applies only.
public struct CommandScope: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let posts = CommandScope(rawValue: 1)
    public static let article = CommandScope(rawValue: 2)
    public static let thread = CommandScope(rawValue: 4)
    /// Overlays that list rows: help, search results, filter picker, draft list.
    public static let list = CommandScope(rawValue: 8)
    /// Overlays that take typed text: the search prompt and the link prompt.
    public static let prompt = CommandScope(rawValue: 16)
    /// A yes/no question.
    public static let confirm = CommandScope(rawValue: 32)

    public static let panes: CommandScope = [.posts, .article, .thread]
    public static let everywhere: CommandScope = [.panes, .list, .prompt, .confirm]

    /// The scope for `pane`.
    public static func pane(_ pane: Pane) -> CommandScope {
        switch pane {
        case .posts: return .posts
        case .article: return .article
        case .thread: return .thread
        }
    }

    /// How many single scopes this covers; fewer means more specific.
    public var breadth: Int { rawValue.nonzeroBitCount }

    /// Words for the help screen: "all panes", "thread", "lists, prompts".
    public var helpDescription: String {
        if self == .everywhere { return "everywhere" }
        var parts: [String] = []
        if isSuperset(of: .panes) {
            parts.append("all panes")
        } else {
            if contains(.posts) { parts.append("post list") }
            if contains(.article) { parts.append("article") }
            if contains(.thread) { parts.append("thread") }
        }
        if contains(.list) { parts.append("lists") }
        if contains(.prompt) { parts.append("prompts") }
        if contains(.confirm) { parts.append("questions") }
        return parts.joined(separator: ", ")
    }
}
