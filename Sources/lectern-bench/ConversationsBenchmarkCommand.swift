import ArgumentParser
import BlogModel
import BlogStore
import Foundation
import ReaderCore
import ReaderRuntime
import ScreenKit

/// Times the conversations view on a big cache: the cache's query, and the whole `C` press in
/// the reader (the effect, reduce and the frame), on a copy of the cache with posts watched.
struct ConversationsBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conversations",
        abstract: "Time opening the conversations view on a copy of a cache, with posts watched.")

    @Option(help: "The cache to copy (e.g. one kept by `lectern-bench import --keep`).")
    var db: String

    @Option(help: "Posts to watch, spread over the whole cache.")
    var watch = 500

    @Option(help: "Times to open the view.")
    var rounds = 30

    func run() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-conversations-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: URL(fileURLWithPath: db), to: copy)
        let store = try LibraryStore(path: copy.path)
        let total = try store.postCount(PostFilter())
        guard total > 0 else { throw ValidationError("\(db) holds no post") }
        let posts = try store.postWindow(PostFilter(), after: nil, limit: total)
        let step = max(1, posts.count / max(1, watch))
        let watched = stride(from: 0, to: posts.count, by: step).prefix(watch).map { posts[$0].id }
        try store.setWatched(watched, watched: true)
        // The user is a commenter of the first watched thread: the generated blogs reuse their
        // names, so they have comments and replies across many threads.
        let me = try store.comments(postID: watched[0]).first.map {
            CommenterIdentity(name: $0.author, email: $0.authorEmail, url: nil)
        }
        var queries: [Double] = []
        var found: [Conversation] = []
        for _ in 0..<rounds {
            let clock = Stopwatch()
            found = try store.conversations(identity: me)
            queries.append(clock.seconds * 1000)
        }
        let settings = ReaderSettings(
            authorName: me?.name, authorEmail: me?.email, draftsDirectory: FileManager.default.temporaryDirectory)
        let engine = ReaderEngine(
            state: AppState(size: ScreenSize(columns: 120, rows: 40)),
            effects: EffectRunner(store: store, isSample: false, settings: settings))
        engine.dispatch(.start)
        engine.effects.waitForBackgroundAnswers(timeout: 5)
        engine.drainInbox()
        _ = engine.frame()
        var presses: [Double] = []
        for _ in 0..<rounds {
            let clock = Stopwatch()
            engine.handle(.key(.character("C")))
            // The list is read off the input thread; timed until it is on screen.
            while case .conversations(let list) = engine.state.mode, list.isLoading {
                engine.effects.waitForBackgroundAnswers(timeout: 5)
                engine.drainInbox()
            }
            _ = engine.frame()
            presses.append(clock.seconds * 1000)
            engine.handle(.key(.escape))
            _ = engine.frame()
        }
        let news = found.reduce(0) { $0 + $1.newComments }
        let replies = found.reduce(0) { $0 + $1.repliesToYou }
        print(
            "cache            \(total) posts; \(watched.count) watched, \(found.count) with news "
                + "(\(news) new comments; replies to \(me?.name ?? "nobody"): \(replies))")
        print(Self.line("query", queries))
        print(Self.line("C pressed", presses) + "  (until the list is on screen: read, reduce, frame at 120×40)")
        print(String(format: "peak RSS         %.1f MB", ResourceUsage.peakResidentMegabytes))
    }

    private static func line(_ name: String, _ samples: [Double]) -> String {
        let sorted = samples.sorted()
        return String(
            format: "%@median %.1f ms  p95 %.1f ms  max %.1f ms",
            name.padding(toLength: 17, withPad: " ", startingAt: 0),
            sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 95 / 100)], sorted.last ?? 0)
    }
}
