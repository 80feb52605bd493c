import ArgumentParser
import BlogModel
import BlogStore
import BlogSync
import Foundation

/// `lectern add URL`: subscribes to a blog's feed and syncs it now.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Subscribe to a blog (a page or a feed URL) and sync it now.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The blog's address or its feed URL.")
    var url: String

    @Flag(name: .long, help: "Subscribe without fetching posts now.")
    var noSync = false

    func run() async throws {
        guard let address = URL(string: url), let scheme = address.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else { throw CLIError("\(TerminalSafeText.sanitize(url)): not an http(s) URL") }
        let store = try global.openStore()
        let interactive = isatty(STDERR_FILENO) == 1
        // A WordPress site's first sync reads every post and comment: say how far it is.
        let engine = SyncEngine(store: store) { progress in
            guard interactive else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K\(progress.line)".utf8))
        }
        let blog: Blog
        do {
            blog = try await engine.subscribe(address)
        } catch let error as FetchError {
            throw CLIError("\(error.url.absoluteString): \(error.message)")
        }
        let feed = TerminalSafeText.sanitize(blog.feedURL ?? blog.sourceKey)
        guard !noSync else {
            print("Subscribed to \(TerminalSafeText.sanitize(blog.title)) (\(feed))")
            return
        }
        print("Subscribed to \(feed); syncing…")
        let result = await engine.sync(blog)
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if let error = result.error { throw CLIError("\(TerminalSafeText.sanitize(error))") }
        print(TerminalSafeText.sanitize(result.summaryLine))
    }
}
