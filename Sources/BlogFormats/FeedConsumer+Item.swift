import BlogModel
import Foundation

/// Item fields as read, and their mapping onto `FeedItem` and the shared model.
extension FeedConsumer {
    struct AuthorFields {
        var name = "", uri = "", email = ""
    }

    struct ItemFields {
        var title = "", link = "", alternateLink = "", alternateIsHTML = false
        var guid = "", guidIsPermaLink = true, atomID = "", rdfAbout = ""
        var pubDate = "", dcDate = "", published = "", updated = ""
        var creator = "", rssAuthor = "", author = AuthorFields()
        var categories: [String] = []
        var content = "", summary = "", contentSource = ""
        var commentsPage = "", commentRss = "", repliesFeed = "", repliesPage = ""
        var slashComments: Int?, threadTotal: Int?, threadCount: Int?
        var inReplyTo: [FeedItem.InReplyTo] = []
    }

    func makeItem() -> FeedItem {
        var link = nonEmpty(item.link) ?? nonEmpty(item.alternateLink) ?? ""
        if link.isEmpty, item.guidIsPermaLink, item.guid.hasPrefix("http") { link = item.guid }
        let sourceID =
            nonEmpty(item.guid) ?? nonEmpty(item.atomID) ?? nonEmpty(item.rdfAbout) ?? nonEmpty(link)
            ?? "\(item.title)|\(item.pubDate)\(item.published)\(item.updated)"
        let (rssName, rssEmail) = Self.splitRSSAuthor(item.rssAuthor)
        let author =
            nonEmpty(item.creator) ?? nonEmpty(item.author.name) ?? nonEmpty(rssName)
            ?? nonEmpty(feedAuthor.name) ?? ""
        let updated = FeedDate.parse(item.updated)
        let published =
            FeedDate.parse(item.pubDate) ?? FeedDate.parse(item.dcDate)
            ?? FeedDate.parse(item.published) ?? updated
        var content = item.content
        if content.isEmpty, !item.contentSource.isEmpty {
            let source = FeedHTML.escape(item.contentSource)
            content = "<p><a href=\"\(source)\">\(source)</a></p>"
        }
        let post = Post(
            sourceID: sourceID, title: item.title, link: link, author: author,
            published: published, updated: updated, categories: item.categories,
            contentHTML: content.isEmpty ? item.summary : content, excerptHTML: item.summary,
            commentFeedURL: nonEmpty(item.commentRss) ?? nonEmpty(item.repliesFeed),
            advertisedCommentCount: item.slashComments ?? item.threadTotal ?? item.threadCount)
        let commentID =
            Self.wordPressCommentID(in: item.guid) ?? Self.wordPressCommentID(in: item.atomID)
            ?? Self.wordPressCommentID(in: link)
        return FeedItem(
            post: post, atomID: nonEmpty(item.atomID), guid: nonEmpty(item.guid) ?? nonEmpty(item.rdfAbout),
            inReplyTo: item.inReplyTo,
            commentLink: nonEmpty(item.commentsPage) ?? nonEmpty(item.repliesPage),
            wordpressCommentID: commentID,
            authorURL: item.author.uri.isEmpty && item.author.name.isEmpty ? feedAuthor.uri : item.author.uri,
            authorEmail: nonEmpty(item.author.email) ?? rssEmail)
    }

    /// RSS `author` is "address (Name)" by the spec; feeds also write just a name or address.
    static func splitRSSAuthor(_ raw: String) -> (name: String, email: String) {
        let text = FeedHTML.collapse(raw)
        if text.hasSuffix(")"), let open = text.firstIndex(of: "("), text[..<open].contains("@") {
            let name = text[text.index(after: open)..<text.index(before: text.endIndex)]
            let email = text[..<open].trimmingCharacters(in: .whitespaces)
            return (FeedHTML.collapse(String(name)), email)
        }
        if text.contains("@"), !text.contains(" ") { return (text, text) }
        return (text, "")
    }

    /// The digits after `#comment-` (WordPress's comment permalink anchor), if any.
    static func wordPressCommentID(in text: String) -> String? {
        guard let marker = text.byteRange(of: "#comment-") else { return nil }
        let digits = text.utf8.dropFirst(marker.upperBound).prefix {
            $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")
        }
        return digits.isEmpty ? nil : String(decoding: digits, as: UTF8.self)
    }

    private func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}
