import BlogFormats
import BlogModel
import BlogStore
import Foundation

/// Imports a WordPress export file into the cache in one transaction.
///
/// The parser runs on its own thread and hands finished items to the writer through a
/// bounded queue, so parsing and SQLite writing overlap on two cores while memory stays
/// flat whatever the file's size. Any parse or write error rolls the whole file back.
public struct ExportImporter: Sendable {
    public let store: LibraryStore

    public init(store: LibraryStore) { self.store = store }

    /// Imports the export at `path`. With `deferSearchIndex` the new text is searchable (by a
    /// slower scan) at once and indexed when the caller runs `store.updateSearchIndex()`.
    public func importWXR(atPath path: String, deferSearchIndex: Bool = false) throws -> ImportSummary {
        // Room for the items the parser makes while the writer indexes a batch of search
        // text (a fraction of a second, hundreds of items): with less, the parser stops and
        // waits, and that wait adds to the import's time. About 25 MB of a typical export.
        let queue = HandoffQueue<ParsedExportPart>(capacity: 1024)
        let producer = Thread { Self.parse(path: path, into: queue) }
        producer.stackSize = 8 << 20
        producer.start()
        defer { queue.close() }
        var summary = ImportSummary(source: path)
        // A first import is written straight into the cache file (no other thread of this
        // process reads meanwhile; another process waits for it, as for any write).
        try store.writeSession(deferSearchIndex: deferSearchIndex, directIntoEmptyCache: true) { session in
            var blogID: Int64?
            while let part = queue.take() {
                switch part {
                case .channel(let channel):
                    summary.blogTitle = channel.title
                    blogID = try session.upsertBlog(Self.blog(from: channel, path: path))
                case .item(let item, let texts):
                    guard let blogID else { continue }
                    try Self.store(item, texts: texts, blogID: blogID, in: session, summary: &summary)
                case .failed(let error):
                    throw error
                }
            }
        }
        return summary
    }

    /// Items waiting for the writer from which on the parser makes the plain text itself.
    /// The writer also builds the search index, so it is the busier thread: it makes the
    /// text only when it would otherwise wait for the parser.
    private static let writerBacklog = 1

    private static func parse(path: String, into queue: HandoffQueue<ParsedExportPart>) {
        defer { queue.close() }
        do {
            try WXRParser().parse(
                fileAtPath: path,
                onChannel: { channel in
                    guard queue.put(.channel(channel)) else { throw CancellationError() }
                },
                onItem: { item in
                    guard item.postType == "post" else {
                        guard queue.put(.item(item, .skipped)) else { throw CancellationError() }
                        return
                    }
                    // Plain text for the search index is made by whichever thread has time:
                    // here while the writer has a backlog, by the writer when it is waiting.
                    let texts: ItemTexts =
                        queue.pendingCount >= writerBacklog ? .ready(SearchTexts(of: item)) : .pending
                    guard queue.put(.item(item, texts)) else { throw CancellationError() }
                })
        } catch is CancellationError {
        } catch {
            queue.put(.failed(error))
        }
    }

    private static func blog(from channel: WXRChannel, path: String) -> Blog {
        let home = [channel.baseBlogURL, channel.link, channel.baseSiteURL].first { !$0.isEmpty }
        let site = [channel.baseSiteURL, channel.baseBlogURL, channel.link].first { !$0.isEmpty }
        return Blog(
            sourceKey: home ?? URL(fileURLWithPath: path).standardizedFileURL.absoluteString,
            title: channel.title.isEmpty ? URL(fileURLWithPath: path).lastPathComponent : channel.title,
            link: channel.link, summary: channel.description, language: channel.language,
            siteURL: site, origin: .export)
    }

    private static func store(
        _ item: WXRItem, texts handed: ItemTexts, blogID: Int64, in session: WriteSession,
        summary: inout ImportSummary
    ) throws {
        let texts: SearchTexts
        switch handed {
        case .skipped:
            summary.itemsSkipped += 1
            return
        case .ready(let ready): texts = ready
        case .pending: texts = SearchTexts(of: item)
        }
        var post = item.post
        post.blogID = blogID
        let listed = item.status == "publish"
        if !listed { summary.itemsSkipped += 1 }
        let outcome = try session.upsertPost(post, listed: listed, searchText: texts.post)
        if listed { summary.counts.countPost(outcome) }
        for (index, var comment) in item.comments.enumerated() {
            comment.postID = outcome.id
            let commentOutcome = try session.upsertComment(comment, searchText: texts.comments[index])
            if listed, comment.status == .approved { summary.counts.countComment(commentOutcome) }
        }
    }
}

/// The plain text of a post and its comments, for the search index.
struct SearchTexts: Sendable {
    var post: String
    var comments: [String]

    init(of item: WXRItem) {
        post = item.post.title + "\n" + HTMLConverter.plainText(fromHTML: item.post.contentHTML)
        comments = item.comments.map { HTMLConverter.plainText(fromHTML: $0.contentHTML) }
    }
}

/// Search text of an item as handed over: made already, still to make, or not needed.
enum ItemTexts: Sendable {
    case ready(SearchTexts)
    case pending
    /// Not a post (a page, an attachment): the item is not stored.
    case skipped
}

/// What the parser thread hands to the writer.
enum ParsedExportPart: @unchecked Sendable {
    case channel(WXRChannel)
    case item(WXRItem, ItemTexts)
    case failed(Error)
}
