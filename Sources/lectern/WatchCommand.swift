import ArgumentParser
import BlogModel
import BlogStore
import Foundation

/// `lectern watch POST…`: follow the posts' comments; every sync then refreshes them, also
/// once the posts have left their blog's feed.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Watch posts' comment threads (sync keeps them current).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Post ids (from `lectern posts`).")
    var posts: [Int64]

    func run() throws {
        try WatchChange.apply(posts, watched: true, global: global)
    }
}

/// `lectern unwatch POST…`: stop following; commenting on the post no longer watches it again.
struct UnwatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unwatch", abstract: "Stop watching posts' comment threads.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Post ids (from `lectern posts --watched`).")
    var posts: [Int64]

    func run() throws {
        try WatchChange.apply(posts, watched: false, global: global)
    }
}

enum WatchChange {
    static func apply(_ posts: [Int64], watched: Bool, global: GlobalOptions) throws {
        guard !posts.isEmpty else { throw CLIError("name at least one post id (from `lectern posts`)") }
        let store = try global.openStore()
        // Every id is checked before anything changes: a typo changes nothing.
        for id in posts where try store.post(id: id) == nil {
            throw CLIError("\(global.paths.database.path): no post with id \(id)")
        }
        try store.setWatched(posts, watched: watched)
        let count = Set(posts).count
        print("\(watched ? "watching" : "stopped watching") \(count) post\(count == 1 ? "" : "s")")
    }
}
