import ArgumentParser
import BlogModel
import BlogStore
import BlogSync
import Foundation

/// `lectern sync [BLOG…]`: brings subscriptions up to date, one blog's failure never
/// stopping the others; exits non-zero when any blog failed.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Fetch new posts and comments of subscribed blogs.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Blogs to sync, by id, title or feed URL (default: all).")
    var blogs: [String] = []

    func run() async throws {
        let store = try global.openStore()
        let display = SyncProgressDisplay(interactive: isatty(STDERR_FILENO) == 1)
        // A broken config must not stop a sync: it only costs following new threads of the user's.
        let options = SyncOptions(searchIndex: .commandLine, identity: (try? global.identity()) ?? nil)
        let engine = SyncEngine(store: store, options: options) { display.show($0) }
        let subscriptions = try engine.subscriptions()
        let targets = try select(blogs, from: subscriptions)
        guard !targets.isEmpty else {
            FileHandle.standardError.write(Data("No subscriptions to sync; add one with `lectern add URL`.\n".utf8))
            return
        }
        display.total = targets.count
        let results = try await engine.sync(targets) { display.show($0) }
        display.finish()
        let failed = results.filter(\.failed)
        for result in failed {
            FileHandle.standardError.write(Data("error: \(TerminalSafeText.sanitize(result.error ?? ""))\n".utf8))
        }
        let status = SyncResult.exitStatus(of: results)
        if status != 0 { throw ExitCode(status) }
    }

    private func select(_ names: [String], from subscriptions: [Blog]) throws -> [Blog] {
        guard !names.isEmpty else { return subscriptions }
        return try names.map { name in
            let match =
                subscriptions.first { String($0.id) == name || $0.feedURL == name || $0.sourceKey == name }
                ?? subscriptions.first { $0.title.localizedCaseInsensitiveContains(name) }
            guard let match else { throw CLIError("\(TerminalSafeText.sanitize(name)): no such subscription") }
            return match
        }
    }
}

/// Shows sync progress on stderr: a redrawn bar on a terminal, one line per blog otherwise.
final class SyncProgressDisplay: @unchecked Sendable {
    private let interactive: Bool
    private let lock = NSLock()
    private var drewBar = false
    private var completed = 0
    /// Blogs in this sync, for the bar drawn while a long listing runs.
    var total = 0

    init(interactive: Bool) {
        self.interactive = interactive
    }

    func show(_ progress: SyncProgress) {
        lock.lock()
        defer { lock.unlock() }
        let line = TerminalSafeText.sanitize(progress.result.summaryLine)
        guard interactive else {
            write(line + "\n")
            return
        }
        completed = progress.completed
        // After the last blog the sync indexes the new text for search before it returns.
        let title =
            progress.completed == progress.total
            ? "indexing new text for search…" : String(progress.result.title.prefix(40))
        // Clear the bar, print the finished blog's line, redraw the bar below it.
        write(
            "\r\u{1B}[K" + line + "\n" + bar(fraction: progress.fraction)
                + " \(progress.completed)/\(progress.total) \(title)")
        drewBar = true
    }

    /// A page of a long listing (a WordPress site's first sync) was read: says so on the bar line.
    func show(_ listing: SyncListingProgress) {
        lock.lock()
        defer { lock.unlock() }
        guard interactive else { return }
        write(
            "\r\u{1B}[K" + bar(fraction: total == 0 ? 0 : Double(completed) / Double(total))
                + " \(completed)/\(total) \(listing.line)")
        drewBar = true
    }

    private func bar(fraction: Double) -> String {
        let width = 30
        let filled = Int((fraction * Double(width)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if interactive && drewBar { write("\r\u{1B}[K") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
