import BlogModel
import Foundation

/// Reads the pingbacks and trackbacks a WordPress post's own page lists.
///
/// Anonymous REST lists only comments of type `comment`, and a post's comment feed only its
/// newest ten of any type, so an older pingback is on no public list but the page itself.
/// Every WordPress theme marks each entry the same way, through `comment_class()` and
/// `comment_ID()`: an element `id="comment-N"` whose classes include its type (`comment`,
/// `pingback`, `trackback`), replies nested inside their parent's element. Block themes and
/// classic ones differ only inside it: the author is in an element whose class names the
/// comment author (`wp-block-comment-author-name`, `comment-author`) or a link of class
/// `url`; the date is a `<time datetime>`; the text is in a `…comment-content` element.
public enum WordPressPostPage {
    /// The pingbacks and trackbacks listed on `html`, in page order; links resolved against `pageURL`.
    public static func pings(fromHTML html: String, pageURL: String) -> [Comment] {
        let collector = WordPressPingCollector(pageURL: pageURL)
        HTMLSAXParser.parse(html, into: collector)
        return collector.pings
    }
}

/// Walks a post page's comment list, keeping the pingback and trackback entries.
final class WordPressPingCollector: HTMLSAXReceiver {
    private struct Entry {
        var id: String
        var kind: Comment.Kind?
        var depth: Int
        var parentID: String?
        var author = ""
        var authorURL = ""
        var published: Date?
        var text = ""
        var authorDepth: Int?
        var contentDepth: Int?
    }

    private let resolver: HTMLLinkResolver
    private var depth = 0
    private var open: [Entry] = []
    private(set) var pings: [Comment] = []

    init(pageURL: String) {
        resolver = HTMLLinkResolver(baseURL: pageURL)
    }

    override func startElement(_ name: String, attributes: HTMLAttributes) {
        depth += 1
        let classes = (attributes["class"] ?? "").split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        if let id = attributes["id"], let number = Self.commentNumber(id) {
            let kind: Comment.Kind? =
                classes.contains("pingback") ? .pingback : classes.contains("trackback") ? .trackback : nil
            if kind != nil || classes.contains("comment") {
                open.append(Entry(id: number, kind: kind, depth: depth, parentID: open.last?.id))
                return
            }
        }
        guard var entry = open.last, entry.kind != nil else { return }
        if entry.authorDepth == nil, entry.author.isEmpty,
            classes.contains(where: { $0.hasSuffix("comment-author-name") || $0 == "comment-author" })
        {
            entry.authorDepth = depth
        }
        if name == "a", let href = attributes["href"], entry.authorURL.isEmpty,
            entry.authorDepth != nil || classes.contains("url")
        {
            entry.authorURL = resolver.resolve(href) ?? ""
            if entry.authorDepth == nil { entry.authorDepth = depth }
        }
        if name == "time", entry.published == nil, let stamp = attributes["datetime"] {
            entry.published = ISO8601DateFormatter().date(from: stamp)
        }
        if entry.contentDepth == nil, classes.contains(where: { $0.hasSuffix("comment-content") }) {
            entry.contentDepth = depth
        }
        if name == "p" || name == "br", entry.contentDepth != nil, !entry.text.isEmpty { entry.text += "\n" }
        open[open.count - 1] = entry
    }

    override func endElement(_ name: String) {
        defer { depth -= 1 }
        guard var entry = open.last else { return }
        if entry.depth == depth {
            open.removeLast()
            if let kind = entry.kind { pings.append(Self.comment(entry, kind: kind)) }
            return
        }
        if entry.authorDepth == depth { entry.authorDepth = nil }
        if entry.contentDepth == depth { entry.contentDepth = -1 }
        open[open.count - 1] = entry
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var entry = open.last, entry.kind != nil else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        if entry.authorDepth != nil {
            entry.author += text
        } else if let content = entry.contentDepth, content > 0 {
            entry.text += text
        }
        open[open.count - 1] = entry
    }

    /// N of `comment-N` (exactly: `div-comment-N` is the body inside a classic entry).
    static func commentNumber(_ id: String) -> String? {
        guard id.hasPrefix("comment-") else { return nil }
        let number = id.dropFirst("comment-".count)
        return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber) ? String(number) : nil
    }

    private static func comment(_ entry: Entry, kind: Comment.Kind) -> Comment {
        let paragraphs = entry.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let html = paragraphs.map { "<p>\(escape($0))</p>" }.joined(separator: "\n")
        return Comment(
            sourceID: entry.id, parentSourceID: entry.parentID, author: FeedHTML.collapse(entry.author),
            authorURL: entry.authorURL, published: entry.published, contentHTML: html, kind: kind, status: .approved)
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
