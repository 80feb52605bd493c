import ArgumentParser
import BlogStore
import BlogSync
import Foundation

/// `lectern export --opml`: writes the subscription list for other feed readers.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export subscriptions (OPML).")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Write the subscriptions as OPML (the only format for now).")
    var opml = false

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        guard opml else { throw CLIError("choose a format: --opml") }
        let store = try global.openStore()
        let text = OPMLExporter.document(blogs: try store.blogs().map(\.blog))
        if let output {
            let previousMask = umask(0o077)
            defer { umask(previousMask) }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw CLIError("\(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
