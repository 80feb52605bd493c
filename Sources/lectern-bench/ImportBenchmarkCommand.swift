import ArgumentParser
import BlogStore
import BlogSync
import Foundation

struct ImportBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import an export (search index included) into a fresh temporary cache; print MB/s, posts/s, comments/s, peak RSS."
    )

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
        let path = keep ?? folder.appendingPathComponent("bench.sqlite").path
        let bytes = Double((try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0)
        let megabytes = bytes / 1_048_576

        let totalClock = Stopwatch()
        let (summary, importSeconds) = try importOnce(path: path)
        let totalSeconds = totalClock.seconds

        print(String(format: "file            %@ (%.1f MiB)", file, megabytes))
        print(
            "posts           \(summary.posts) listed, \(summary.itemsSkipped) other items; comments \(summary.comments)"
        )
        print(
            String(
                format: "import          %.2f s  %.1f MB/s  %.0f posts/s  %.0f comments/s  (search index built inside)",
                importSeconds, megabytes / importSeconds, Double(summary.posts) / importSeconds,
                Double(summary.comments) / importSeconds))
        print(
            String(
                format: "close           %.2f s  (the write-ahead log copied into the cache file)",
                totalSeconds - importSeconds))
        print(String(format: "total           %.2f s  %.1f MB/s", totalSeconds, megabytes / totalSeconds))
        if reimport {
            let again = Stopwatch()
            let (second, _) = try importOnce(path: path)
            print(
                String(
                    format: "re-import       %.2f s  (%d posts, %d comments changed)", again.seconds,
                    second.postsAdded + second.postsUpdated, second.commentsAdded + second.commentsUpdated))
        }
        print(String(format: "peak RSS        %.1f MB", ResourceUsage.peakResidentMegabytes))
        print(String(format: "CPU             %.2f s", ResourceUsage.cpuSeconds))
    }

    /// Opens the cache, imports the file, closes the cache; returns the summary and the time
    /// until the import returned (closing then copies the write-ahead log into the file).
    private func importOnce(path: String) throws -> (ImportSummary, Double) {
        let clock = Stopwatch()
        let store = try LibraryStore(path: path)
        return try withExtendedLifetime(store) {
            (try ExportImporter(store: store).importWXR(atPath: file), clock.seconds)
        }
    }
}
