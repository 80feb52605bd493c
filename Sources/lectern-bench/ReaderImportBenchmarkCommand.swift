import ArgumentParser
import BlogStore
import Foundation
import ReaderCore
import ReaderRuntime

struct ReaderImportBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader-import",
        abstract: "Time the reader's key presses while another process imports an export into the same cache.",
        discussion: """
            Each press is timed as `lectern-bench reader` times it (reduce, the effects it asks for, \
            layout and render), plus reducing what background work posted meanwhile. Presses come \
            at a typist's pace, first with nothing else running, then for as long as the import \
            runs (its one long write transaction, then the search index).
            """)

    @Option(help: "A cache with blogs to read, e.g. one kept by `lectern-bench import --keep`; copied, so runs repeat.")
    var db: String

    @Argument(help: "The export the other process imports meanwhile, e.g. the large one from gen_corpus.py.")
    var file: String

    @Option(help: "Milliseconds between key presses.")
    var interval = 20

    @Option(help: "Presses timed before the import starts, for comparison.")
    var idlePresses = 300

    /// Opens posts (each a read mark and a visit, queued), marks one, and walks a thread.
    static let keys: [Key] =
        Array(repeating: .character("j"), count: 10)
        + [
            .character("m"), .tab, .character("j"), .character("j"), .tab, .character("j"), .character("J"),
            .character("z"), .character("z"), .backTab, .backTab,
        ]
        + Array(repeating: .character("k"), count: 10) + [.character("n")]

    func run() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("reader.sqlite").path
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: db + suffix) {
            try FileManager.default.copyItem(atPath: db + suffix, toPath: cache + suffix)
        }

        let store = try LibraryStore(path: cache)
        guard try store.hasBlogs() else { throw ValidationError("\(db) holds no blog") }
        let engine = ReaderEngine(
            state: AppState(size: ScreenSize(columns: 120, rows: 40)),
            effects: EffectRunner(
                store: store, isSample: false,
                settings: ReaderSettings(draftsDirectory: folder.appendingPathComponent("drafts"))))
        engine.dispatch(.start)
        _ = engine.frame()
        let megabytes =
            Double((try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0)
            / 1_048_576
        print(String(format: "library         %@ (%d posts), copied", db, try store.postCount(PostFilter())))

        var presses = PressTimer(engine: engine, interval: interval)
        let idle = presses.time { $0 < idlePresses }
        print("idle            " + idle.summary)

        let importer = try Self.startImport(file, into: cache)
        let importClock = Stopwatch()
        // How long the status line said the reader's marks waited for the import's lock.
        var waited = 0.0
        var waitStart: Stopwatch?
        let during = presses.time { _ in
            if engine.state.isWaitingForWriter, waitStart == nil { waitStart = Stopwatch() }
            if !engine.state.isWaitingForWriter, let start = waitStart {
                waited += start.seconds
                waitStart = nil
            }
            return importer.isRunning
        }
        importer.waitUntilExit()
        let importSeconds = importClock.seconds
        let markClock = Stopwatch()
        let landed = engine.effects.writes.waitUntilWritten(timeout: 300)
        let lateSeconds = markClock.seconds
        if let start = waitStart { waited += start.seconds }
        print(
            String(
                format: "import          %.1f MiB in another process, %.1f s (its write lock, then the search index)",
                megabytes, importSeconds))
        print("during import   " + during.summary + "  (target < 50 ms)")
        print("slowest         " + during.slowest(5))
        print(
            String(
                format:
                    "read marks      waited for the lock %.1f s while keys went on; %@ %.2f s after the import ended",
                waited, landed ? "all in the cache" : "NOT all written", lateSeconds))
        engine.effects.finish(state: engine.state)
        for note in engine.effects.closeWrites(waitingAtMost: 5) { print(note) }
        print(String(format: "peak RSS        %.1f MB (the reader)", ResourceUsage.peakResidentMegabytes))
        guard importer.terminationStatus == 0 else {
            throw ValidationError("the import exited with status \(importer.terminationStatus)")
        }
    }

    /// Runs `lectern-bench import FILE --keep CACHE` (this executable) as the other process.
    private static func startImport(_ file: String, into cache: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["import", file, "--keep", cache]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// Presses keys at a steady pace and times each.
struct PressTimer {
    let engine: ReaderEngine
    let interval: Int
    private var next = 0

    init(engine: ReaderEngine, interval: Int) {
        self.engine = engine
        self.interval = interval
    }

    /// Presses until `keepGoing(presses so far)` says stop; the time of each press in ms.
    mutating func time(while keepGoing: (Int) -> Bool) -> Latencies {
        var samples: [Latencies.Press] = []
        let began = Stopwatch()
        while keepGoing(samples.count) {
            let key = ReaderImportBenchmarkCommand.keys[next % ReaderImportBenchmarkCommand.keys.count]
            let startedAt = began.seconds
            let cpu = ThreadCPUClock()
            let clock = Stopwatch()
            engine.handle(.key(key))
            engine.drainInbox()
            let handled = clock.seconds
            _ = engine.frame()
            samples.append(
                Latencies.Press(
                    key: key, milliseconds: clock.seconds * 1000, handleMilliseconds: handled * 1000,
                    cpuMilliseconds: cpu.milliseconds, startedAt: startedAt))
            next += 1
            Thread.sleep(forTimeInterval: Double(interval) / 1000)
        }
        return Latencies(samples)
    }
}

/// Percentiles of a set of timed presses, and the slowest of them.
struct Latencies {
    struct Press {
        let key: Key
        /// The whole press: reduce and effects, background actions, layout and render.
        let milliseconds: Double
        /// Reduce and effects (cache reads included) and background actions alone.
        let handleMilliseconds: Double
        /// CPU time the reader's thread spent on the press: the rest of `milliseconds` it
        /// waited, for the CPU (other processes) or for something else.
        let cpuMilliseconds: Double
        /// Seconds into the run (for the import: since it started).
        let startedAt: Double
    }

    let presses: [Press]

    init(_ samples: [Press]) { presses = samples.sorted { $0.milliseconds < $1.milliseconds } }

    func percentile(_ p: Int) -> Double {
        guard !presses.isEmpty else { return 0 }
        return presses[min(presses.count - 1, presses.count * p / 100)].milliseconds
    }

    var summary: String {
        let cpu = presses.map(\.cpuMilliseconds).sorted()
        return String(
            format: "%5d presses  p50 %.2f ms  p99 %.2f ms  max %.2f ms  (CPU p99 %.2f ms, max %.2f ms)",
            presses.count, percentile(50), percentile(99), presses.last?.milliseconds ?? 0,
            cpu.isEmpty ? 0 : cpu[min(cpu.count - 1, cpu.count * 99 / 100)], cpu.last ?? 0)
    }

    /// The `count` slowest presses, with how much of each went to handling rather than drawing.
    func slowest(_ count: Int) -> String {
        presses.suffix(count).reversed().map { press in
            String(
                format: "%@ %.1f ms (handling %.1f, CPU %.1f) at %.1f s", press.key.displayName,
                press.milliseconds, press.handleMilliseconds, press.cpuMilliseconds, press.startedAt)
        }.joined(separator: ", ")
    }
}
