import BlogFormats
import BlogModel
import BlogStore
import Foundation

/// Imports an RSS or Atom file into the cache in one transaction.
///
/// Posts are keyed like a synced feed's, so importing the same file twice changes nothing and
/// a later subscription to the feed's own address (`atom:link rel="self"`) continues the same
/// blog. Comment entries carrying `thr:in-reply-to` (an Atom file that interleaves threads
/// with posts) land under their posts with their parents.
public enum FeedFileImporter {
    public static func importFile(atPath path: String, store: LibraryStore) throws -> ImportSummary {
        let feed = try FeedParser().parse(fileAtPath: path)
        let fileKey = URL(fileURLWithPath: path).standardizedFileURL.absoluteString
        let key = feed.selfURL.flatMap { $0.isEmpty ? nil : $0 } ?? (feed.link.isEmpty ? fileKey : feed.link)
        // A blog already known under this key (a subscription) keeps how it is kept current.
        let blog =
            try store.blog(sourceKey: key)
            ?? Blog(
                sourceKey: key, title: feed.title.isEmpty ? URL(fileURLWithPath: path).lastPathComponent : feed.title,
                link: feed.link, origin: .export)
        let merged = try FeedMerger(store: store).mergeFeed(feed, blog: blog)
        var summary = ImportSummary(source: path)
        summary.blogTitle = feed.title.isEmpty ? blog.title : feed.title
        summary.counts = merged.counts
        return summary
    }
}
