import BlogModel
import Foundation

/// Reads `<link>` elements until the page body starts.
final class HTMLFeedLinkCollector: HTMLSAXReceiver {
    static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml"]
    static let restRelation = "https://api.w.org/"

    private let resolver: HTMLLinkResolver
    private var seen: Set<String> = []
    private(set) var feeds: [(url: String, type: String, title: String)] = []
    private(set) var wordpressAPIRoot: String?

    init(pageURL: String) {
        resolver = HTMLLinkResolver(baseURL: pageURL)
    }

    override func startElement(_ name: String, attributes: HTMLAttributes) {
        if name == "body" {
            // Feed and API links belong to the head; the body can be megabytes.
            stopParsing()
            return
        }
        guard name == "link", let href = attributes["href"], !href.isEmpty,
            let url = resolver.resolve(href)
        else { return }
        let relations = (attributes["rel"] ?? "").lowercased().split(whereSeparator: \.isWhitespace)
        if relations.contains(where: { $0 == Self.restRelation }) {
            if wordpressAPIRoot == nil { wordpressAPIRoot = url }
            return
        }
        guard relations.contains("alternate") else { return }
        let type =
            (attributes["type"] ?? "").split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard Self.feedTypes.contains(type), seen.insert(url).inserted else { return }
        let title = (attributes["title"] ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        feeds.append((url: url, type: type, title: TerminalSafeText.sanitize(title)))
    }
}
