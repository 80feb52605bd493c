import ArgumentParser
import BlogModel
import BlogStore
import Foundation

/// `lectern remove BLOG…`: unsubscribes, taking the blogs' posts, comments, search text and
/// validators away; drafts are kept. Asks first on a terminal; elsewhere `--yes` must say so.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Unsubscribe from blogs: remove their posts and comments (drafts are kept).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Blogs to remove, by id, title or feed URL (as `lectern blogs` shows them).")
    var blogs: [String] = []

    @Flag(name: [.customShort("y"), .long], help: "Remove without asking (needed when not on a terminal).")
    var yes = false

    func validate() throws {
        if blogs.isEmpty { throw ValidationError("name the blogs to remove (see `lectern blogs`)") }
    }

    func run() throws {
        let store = try global.openStore()
        // Every name is resolved before anything is removed: a typo removes nothing.
        let targets = try Self.select(blogs, from: store.blogs().map(\.blog))
        let asking = !yes
        guard !asking || isatty(STDIN_FILENO) == 1 else {
            throw CLIError("not removing without --yes: there is no terminal to ask on (nothing was removed)")
        }
        for blog in targets {
            guard let preview = try store.blogRemoval(id: blog.id) else { continue }
            if asking, !Self.confirm("Remove \"\(preview.blog.title)\" (\(preview.countsText))? [y/N] ") {
                print(TerminalSafeText.sanitize("kept \"\(preview.blog.title)\""))
                continue
            }
            guard let removal = try store.removeBlog(id: blog.id) else { continue }
            print(TerminalSafeText.sanitize(removal.removedLine))
            if let kept = removal.keptLine { print(TerminalSafeText.sanitize(kept)) }
        }
    }

    /// The blogs `names` pick, as `lectern sync BLOG` picks them: an exact id, feed URL or
    /// source key first, else a title containing the name; a name that fits several titles
    /// is refused, since removing the wrong one cannot be undone.
    static func select(_ names: [String], from blogs: [Blog]) throws -> [Blog] {
        var chosen: [Blog] = []
        for name in names {
            let exact = blogs.first { String($0.id) == name || $0.feedURL == name || $0.sourceKey == name }
            let titled = blogs.filter { $0.title.localizedCaseInsensitiveContains(name) }
            guard let match = exact ?? (titled.count == 1 ? titled.first : nil) else {
                let safeName = TerminalSafeText.sanitize(name)
                guard titled.isEmpty else {
                    let list = titled.map { "\($0.id) \($0.title)" }.joined(separator: ", ")
                    throw CLIError(
                        "\(safeName) names \(titled.count) blogs (\(TerminalSafeText.sanitize(list))): give an id")
                }
                throw CLIError("\(safeName): no such blog")
            }
            if !chosen.contains(where: { $0.id == match.id }) { chosen.append(match) }
        }
        return chosen
    }

    /// Asks on the terminal (stderr, so the answer is asked even with stdout redirected);
    /// only "y" or "yes" removes.
    private static func confirm(_ question: String) -> Bool {
        FileHandle.standardError.write(Data(TerminalSafeText.sanitize(question).utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }
}
