import BlogFormats
import BlogModel
import BlogStore
import Foundation

/// Subscribes to every feed of an OPML file without fetching anything: the next sync does.
public enum OPMLImporter {
    /// Stores one feed blog per outline with an http(s) `xmlUrl`, in one transaction; a feed
    /// already in the library is left as it is.
    public static func importFile(atPath path: String, store: LibraryStore) throws -> OPMLImportSummary {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FormatError(source: path, message: "cannot read (\(error.localizedDescription))")
        }
        let outlines = try OPMLParser.parse(data: data, sourceName: path)
        var summary = OPMLImportSummary(source: path)
        var seen = Set(try store.blogs().map(\.blog.sourceKey))
        try store.writeSession { session in
            for outline in outlines {
                guard let url = URL(string: outline.xmlURL), let scheme = url.scheme?.lowercased(),
                    scheme == "http" || scheme == "https", url.host != nil
                else {
                    summary.skipped += 1
                    continue
                }
                let key = url.absoluteString
                guard seen.insert(key).inserted else {
                    summary.alreadySubscribed += 1
                    continue
                }
                let title = TerminalSafeText.sanitize(outline.title)
                _ = try session.upsertBlog(
                    Blog(
                        sourceKey: key, title: title.isEmpty ? (url.host ?? key) : title,
                        link: outline.htmlURL ?? "", feedURL: key, origin: .feed))
                summary.subscribed += 1
            }
        }
        return summary
    }
}
