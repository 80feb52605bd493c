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
            ShowCommand.self, AddCommand.self, SyncCommand.self, RemoveCommand.self, ExportCommand.self,
            DraftsCommand.self, WatchCommand.self, UnwatchCommand.self, ConversationsCommand.self,
            MuteCommand.self, UnmuteCommand.self,
        ],
        defaultSubcommand: ReadCommand.self)

    /// Runs the chosen command; a failure is one `error:` line on stderr and exit status 1.
    static func main() async {
        var command: ParsableCommand
        let arguments = CommandLineOrder.commandFirst(
            Array(CommandLine.arguments.dropFirst()),
            commands: Set(configuration.subcommands.compactMap { $0.configuration.commandName }),
            optionsWithValues: ["--db", "--theme"])
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exit(withError: error)  // usage errors, --help and --version
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exitCode as ExitCode {
            exit(withError: exitCode)
        } catch let error as CleanExit {
            exit(withError: error)
        } catch  where String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            // `--help` and `help` parse to the parser's own help command, which reports
            // through an error of its own: the parser prints the help for it.
            exit(withError: error)
        } catch {
            FileHandle.standardError.write(Data("error: \(ErrorText.describe(error))\n".utf8))
            exit(withError: ExitCode.failure)
        }
    }
}

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Use this cache file instead of the default one.")
    var db: String?

    var paths: LecternPaths { LecternPaths(databaseOverride: db) }
}
