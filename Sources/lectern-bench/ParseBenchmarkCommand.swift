import ArgumentParser
import BlogFormats
import Foundation

struct ParseBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse an export without storing it, to split import time into parse and write.")

    @Argument(help: "A WordPress export, or a folder of feeds (every .xml file under it is parsed as a feed).")
    var file: String

    @Flag(help: "Also convert every post and comment body to plain text, as the import does.")
    var plainText = false

    func run() throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
            return try parseFeeds()
        }
        let bytes = Double((try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0)
        var items = 0
        var comments = 0
        var characters = 0
        let clock = Stopwatch()
        try WXRParser().parse(
            fileAtPath: file, onChannel: { _ in },
            onItem: { item in
                items += 1
                comments += item.comments.count
                if plainText {
                    characters += HTMLConverter.plainText(fromHTML: item.post.contentHTML).utf8.count
                    for comment in item.comments {
                        characters += HTMLConverter.plainText(fromHTML: comment.contentHTML).utf8.count
                    }
                }
            })
        let seconds = clock.seconds
        print(
            String(
                format: "parse%@  %.2f s  %.1f MB/s  (%d items, %d comments)",
                plainText ? " + plain text" : "", seconds, bytes / 1_048_576 / seconds, items, comments))
        print(String(format: "peak RSS  %.1f MB", ResourceUsage.peakResidentMegabytes))
    }

    /// Parses every feed under the folder `file` as a sync does, one document at a time.
    private func parseFeeds() throws {
        let root = URL(fileURLWithPath: file)
        let files =
            (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { $0.pathExtension == "xml" }
        let documents = try files.map { try Data(contentsOf: $0) }
        let bytes = Double(documents.reduce(0) { $0 + $1.count })
        var items = 0
        var characters = 0
        let clock = Stopwatch()
        for (document, url) in zip(documents, files) {
            let feed = try FeedParser().parse(data: document, sourceName: url.path, baseURL: url)
            items += feed.items.count
            if plainText {
                for item in feed.items {
                    characters += HTMLConverter.plainText(fromHTML: item.post.contentHTML).utf8.count
                }
            }
        }
        let seconds = clock.seconds
        print(
            String(
                format: "parse feeds%@  %.2f s  %.1f MB/s  (%d documents, %d items)",
                plainText ? " + plain text" : "", seconds, bytes / 1_048_576 / seconds, documents.count, items))
    }
}
