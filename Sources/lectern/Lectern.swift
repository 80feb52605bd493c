import ArgumentParser
import Foundation

@main
struct Lectern: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "A terminal reader for blogs and their comment threads.",
        version: version,
        subcommands: [
            ReadCommand.self, ImportCommand.self, BlogsCommand.self, PostsCommand.self,
            ShowCommand.self, AddCommand.self, SyncCommand.self, ExportCommand.self, DraftsCommand.self,
        ],
        defaultSubcommand: ReadCommand.self)
}

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Use this cache file instead of the default one.")
    var db: String?

    var paths: LecternPaths { LecternPaths(databaseOverride: db) }
}
