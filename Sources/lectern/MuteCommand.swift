import ArgumentParser
import BlogModel
import BlogStore
import Foundation

/// What `mute` and `unmute` name: a commenter on one blog, or a comment and its replies.
struct MuteTarget: ParsableArguments {
    @Option(help: "The blog (its id from `lectern blogs`) whose commenter to mute; with --author.")
    var blog: Int64?

    @Option(help: "The commenter's name, as the thread shows it; with --blog.")
    var author: String?

    @Option(help: "A comment's id (as `lectern show POST --json` prints it): it and every reply under it.")
    var comment: String?

    @Option(help: "The post the comment is on, when its id is used on several posts.")
    var post: Int64?

    func validate() throws {
        switch (blog, author, comment) {
        case (.some, .some, nil), (nil, nil, .some): return
        default: throw ValidationError("name either --blog ID --author NAME, or --comment ID")
        }
    }

    /// Mutes or unmutes the target and says what changed.
    func set(muted: Bool, global: GlobalOptions) throws {
        let store = try global.openStore()
        let (mute, what) = try mute(in: store, global: global)
        let changed = try store.setMute(mute, muted: muted)
        let line =
            changed ? "\(muted ? "muted" : "unmuted") \(what)" : "\(muted ? "already muted" : "not muted"): \(what)"
        print(TerminalSafeText.sanitize(line))
    }

    private func mute(in store: LibraryStore, global: GlobalOptions) throws -> (Mute, String) {
        if let comment {
            let found = try store.subthreadMutes(commentID: comment, postID: post)
            guard let mute = found.first else {
                throw CLIError("\(global.paths.database.path): no comment with id \(comment)")
            }
            guard found.count == 1 else {
                throw CLIError("comment id \(comment) is on \(found.count) posts: name one with --post POST")
            }
            return (mute, "comment \(comment) and the replies under it")
        }
        guard let blog, let author else { throw CLIError("name --blog ID --author NAME, or --comment ID") }
        guard let found = try store.blog(id: blog) else {
            throw CLIError("\(global.paths.database.path): no blog with id \(blog)")
        }
        return (.author(blogID: blog, name: author), "\(author) on \(found.title)")
    }
}

/// `lectern mute`: hide a commenter on a blog, or a subthread, everywhere; kept across syncs.
struct MuteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mute", abstract: "Hide a commenter on a blog, or a comment and its replies.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: MuteTarget

    func run() throws { try target.set(muted: true, global: global) }
}

/// `lectern unmute`: show them again.
struct UnmuteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unmute", abstract: "Show a muted commenter or subthread again.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: MuteTarget

    func run() throws { try target.set(muted: false, global: global) }
}
