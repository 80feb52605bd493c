import ArgumentParser
import BlogFormats
import BlogStore
import BlogSync
import Foundation

/// `lectern-bench textnode`: imports exports and feeds whose title, body or comment is one
/// huge text node, at several sizes, to show that import time grows linearly with it; then
/// times what opening the post does with a huge body or comment (HTML to `RichText`).
struct TextNodeBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "textnode",
        abstract: "Import files with one huge title, body or comment; print seconds per size and the growth ratio.")

    @Option(help: "Sizes of the huge node in MB (elements, in thousands, for --pattern nested/stray/elements).")
    var sizes = "10,50"

    @Option(help: "File formats, in turn: wxr (a WordPress export), rss.")
    var formats = "wxr,rss"

    @Option(help: "Fields holding the huge node: title, content, comment (RSS: the description).")
    var fields = "title,content,comment"

    @Option(
        help:
            "What the node is made of: letters (AAAA…), prose, nested (HTML), stray (deep HTML, stray end tags), elements (XML)."
    )
    var pattern = "letters"

    @Option(help: "Write the generated files into this folder and keep them (for a profiler).")
    var keepFiles: String?

    func run() throws {
        let sizeList = try sizes.split(separator: ",").map { text -> Int in
            guard let size = Int(text.trimmingCharacters(in: .whitespaces)), size > 0 else {
                throw ValidationError("bad size '\(text)'")
            }
            return size
        }
        let formatList = try parse(formats, as: TextNodeDocument.Format.self, "format")
        let fieldList = try parse(fields, as: TextNodeDocument.Field.self, "field")
        guard let pattern = TextNodeDocument.Pattern(rawValue: pattern) else {
            throw ValidationError("unknown pattern '\(pattern)'")
        }
        let counted = pattern != .letters && pattern != .prose
        let unit = counted ? 1000 : 1 << 20
        let folder =
            keepFiles.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-bench-textnode-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keepFiles == nil { try? FileManager.default.removeItem(at: folder) } }

        for format in formatList {
            for field in fieldList {
                var seconds: [Double] = []
                for size in sizeList {
                    let document = TextNodeDocument(format: format, field: field, pattern: pattern, size: size * unit)
                    let name = "\(format.rawValue)-\(field.rawValue)-\(pattern.rawValue)-\(size).xml"
                    let (time, outcome, view) = try Self.importOnce(document, file: folder.appendingPathComponent(name))
                    seconds.append(time)
                    let viewText = view.map { String(format: "  view %.2f s", $0) } ?? ""
                    print(
                        String(
                            format: "%@ %-8@ %-8@ %6d %@  %8.2f s%@  %@", format.rawValue, field.rawValue,
                            pattern.rawValue, size, counted ? "k" : "MB", time, viewText, outcome))
                }
                if sizeList.count > 1, let first = seconds.first, let last = seconds.last {
                    print(
                        String(
                            format: "%@ %-8@ ratio %d/%d: %.1f (linear: %.1f)", format.rawValue, field.rawValue,
                            sizeList.last!, sizeList.first!, last / max(first, 1e-6),
                            Double(sizeList.last!) / Double(sizeList.first!)))
                }
            }
        }
        print(String(format: "peak RSS  %.1f MB", ResourceUsage.peakResidentMegabytes))
    }

    /// Writes the document, imports it into a fresh cache as `lectern import` does, and
    /// returns the import time, a word on what came of it, and the time to show the node.
    private static func importOnce(_ document: TextNodeDocument, file: URL) throws -> (Double, String, Double?) {
        try document.write(to: file)
        let cache = file.deletingLastPathComponent().appendingPathComponent("cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: cache) }
        let store = try LibraryStore(path: cache.appendingPathComponent("bench.sqlite").path)
        let clock = Stopwatch()
        do {
            let summary =
                try document.format == .wxr
                ? ExportImporter(store: store).importWXR(atPath: file.path)
                : FeedFileImporter.importFile(atPath: file.path, store: store)
            let seconds = clock.seconds
            return (seconds, summary.line, try viewSeconds(document, file: file))
        } catch {
            // A refused file (a depth cap, say) is an outcome too: show what the user would see.
            return (clock.seconds, "error: \(error)", nil)
        }
    }

    /// The time to turn the huge body or comment into what the reader shows, as opening the
    /// post does; nil for a title, which is stored as plain text already.
    private static func viewSeconds(_ document: TextNodeDocument, file: URL) throws -> Double? {
        guard document.field != .title else { return nil }
        var html = ""
        if document.format == .wxr {
            try WXRParser().parse(
                fileAtPath: file.path, onChannel: { _ in },
                onItem: { item in
                    html = document.field == .content ? item.post.contentHTML : item.comments.first?.contentHTML ?? ""
                })
        } else if let post = try FeedParser().parse(fileAtPath: file.path).items.first?.post {
            html = document.field == .content ? post.contentHTML : post.excerptHTML
        }
        let clock = Stopwatch()
        _ = HTMLConverter.richText(fromHTML: html, baseURL: "https://bench.example/?p=1")
        return clock.seconds
    }

    private func parse<T: RawRepresentable>(_ list: String, as: T.Type, _ what: String) throws -> [T]
    where T.RawValue == String {
        try list.split(separator: ",").map { name in
            guard let value = T(rawValue: String(name)) else { throw ValidationError("unknown \(what) '\(name)'") }
            return value
        }
    }
}
