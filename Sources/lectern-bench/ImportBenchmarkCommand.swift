import ArgumentParser
import BlogStore
import BlogSync
import Foundation

struct ImportBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an export into a fresh temporary cache; print MB/s, posts/s, comments/s, peak RSS.")

    @Argument(help: "A WordPress export, e.g. from ../shared/tools/gen_corpus.py.")
    var file: String

    @Flag(help: "Also time importing the same file a second time (nothing changes).")
    var reimport = false

    @Option(help: "Keep the cache at this path (for `lectern-bench reader`) instead of a temporary one.")
    var keep: String?

    func run() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-bench-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try LibraryStore(path: keep ?? folder.appendingPathComponent("bench.sqlite").path)
        let bytes = Double((try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0)
        let megabytes = bytes / 1_048_576

        let importClock = Stopwatch()
        let summary = try ExportImporter(store: store).importWXR(atPath: file, deferSearchIndex: true)
        let importSeconds = importClock.seconds
        let indexClock = Stopwatch()
        try store.updateSearchIndex()
        let indexSeconds = indexClock.seconds

        print(String(format: "file            %@ (%.1f MiB)", file, megabytes))
        print(
            "posts           \(summary.posts) listed, \(summary.itemsSkipped) other items; comments \(summary.comments)"
        )
        print(
            String(
                format: "import          %.2f s  %.1f MB/s  %.0f posts/s  %.0f comments/s",
                importSeconds, megabytes / importSeconds, Double(summary.posts) / importSeconds,
                Double(summary.comments) / importSeconds))
        print(String(format: "search index    %.2f s (after the import has committed)", indexSeconds))
        print(
            String(
                format: "total           %.2f s  %.1f MB/s", importSeconds + indexSeconds,
                megabytes / (importSeconds + indexSeconds)))
        if reimport {
            let again = Stopwatch()
            let second = try ExportImporter(store: store).importWXR(atPath: file)
            print(
                String(
                    format: "re-import       %.2f s  (%d posts, %d comments changed)", again.seconds,
                    second.postsAdded + second.postsUpdated, second.commentsAdded + second.commentsUpdated))
        }
        print(String(format: "peak RSS        %.1f MB", ResourceUsage.peakResidentMegabytes))
        print(String(format: "CPU             %.2f s", ResourceUsage.cpuSeconds))
    }
}
