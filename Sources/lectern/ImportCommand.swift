import ArgumentParser
import BlogModel
import BlogStore
import BlogSync
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import WordPress exports (WXR), feed files (RSS/Atom) and OPML subscription lists.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Files to import.", completion: .file())
    var files: [String]

    func run() throws {
        let store = try global.openStore()
        var failures = 0
        for file in files {
            do {
                let summary = try LibraryFileImporter.importFile(atPath: file, store: store)
                print(TerminalSafeText.sanitize(summary))
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("error: \(ErrorText.describe(error, source: file))\n".utf8))
            }
        }
        // Threads the user commented on (an export of a blog they take part in) are followed.
        if failures < files.count, let identity = (try? global.identity()) ?? nil {
            try store.followThreadsCommented(by: identity)
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
