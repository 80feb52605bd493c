import ArgumentParser
import BlogFormats
import BlogModel
import BlogStore
import Foundation
import ReaderCore
import ReaderRuntime
import ScreenKit

struct ReaderBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader",
        abstract: "Time the reader's first frame on a cache, and key presses on a 5,000-comment thread.")

    @Option(help: "The cache to open (e.g. one kept by `lectern-bench import --keep`).")
    var db: String

    @Option(help: "Comments in the synthetic thread for the key-press timing.")
    var comments = 5_000

    @Option(help: "Key presses to time.")
    var presses = 500

    func run() throws {
        let launch = Stopwatch()
        let store = try LibraryStore(path: db)
        // As `lectern` does at launch: is there a library, or should the sample open?
        guard try store.hasBlogs() else { throw ValidationError("\(db) holds no blog") }
        let settings = ReaderSettings(draftsDirectory: FileManager.default.temporaryDirectory)
        let engine = ReaderEngine(
            state: AppState(size: ScreenSize(columns: 120, rows: 40)),
            effects: EffectRunner(store: store, isSample: false, settings: settings))
        engine.dispatch(.start)
        let frame = engine.frame()
        let firstFrame = launch.seconds
        let posts = try store.postCount(PostFilter())
        print(
            String(
                format: "first frame      %.1f ms  (%d posts in the cache, %d×%d cells)",
                firstFrame * 1000, posts, frame.columns, frame.rows))

        let thread = Self.makeThread(comments)
        let load = Stopwatch()
        // As the runner does when a post opens: each comment's HTML is converted once, here.
        let texts = thread.map { HTMLConverter.richText(fromHTML: $0.contentHTML) }
        engine.dispatch(.threadLoaded(postID: engine.state.thread.postID ?? 0, thread, texts: texts))
        print(
            String(
                format: "thread load      %.1f ms  (%d comments: texts converted, thread built)",
                load.seconds * 1000, comments))
        engine.dispatch(.input(.key(.tab)))
        engine.dispatch(.input(.key(.tab)))
        _ = engine.frame()
        var samples: [Double] = []
        let keys: [Key] = [
            .character("j"), .character("j"), .character("J"), .character("z"), .character("z"), .character("k"),
        ]
        for press in 0..<presses {
            let clock = Stopwatch()
            engine.handle(.key(keys[press % keys.count]))
            _ = engine.frame()
            samples.append(clock.seconds * 1000)
        }
        samples.sort()
        print(
            String(
                format:
                    "key press        median %.2f ms  p95 %.2f ms  max %.2f ms  (%d comments, reduce + layout + render)",
                samples[samples.count / 2], samples[samples.count * 95 / 100], samples.last ?? 0, comments))
        print(String(format: "peak RSS         %.1f MB", ResourceUsage.peakResidentMegabytes))
    }

    /// A thread shaped like a busy post: a few long reply chains and many short ones.
    static func makeThread(_ count: Int) -> [Comment] {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        return (0..<count).map { index in
            let parent = index < 50 ? nil : (index % 7 == 0 ? index - 1 : index / 3)
            return Comment(
                id: Int64(index + 1), postID: 0, sourceID: "\(index + 1)",
                parentSourceID: parent.map { "\($0 + 1)" }, author: "Reader \(index % 97)",
                published: start.addingTimeInterval(Double(index) * 60),
                contentHTML: "<p>Comment \(index): a reply of a few sentences, with <em>emphasis</em>, a "
                    + "<a href=\"https://example.org/\(index)\">link</a> and some 日本語 text to wrap.</p>",
                isNew: index % 5 == 0)
        }
    }
}
