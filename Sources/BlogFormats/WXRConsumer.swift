import BlogModel
import Foundation

/// The state machine behind `WXRParser`: collects channel fields, then one item at a time.
final class WXRConsumer: XMLStreamConsumer {
    let onChannel: (WXRChannel) throws -> Void
    let onItem: (WXRItem) throws -> Void

    var channel = WXRChannel()
    var channelDelivered = false
    var authorDepth = 0
    var author = WXRAuthor(login: "")
    var itemDepth = 0
    var item = ItemFields()
    var commentDepth = 0
    var comment = CommentFields()
    /// Depth of a `wp:postmeta`/`commentmeta`/`termmeta` being skipped, 0 when none.
    var metaDepth = 0
    var categoryDomain = ""

    struct ItemFields {
        var title = "", link = "", guid = "", creator = "", content = "", excerpt = ""
        var postID = "", postDateGMT = "", pubDate = "", commentStatus = "", status = ""
        var postType = "", categories: [String] = [], tags: [String] = [], comments: [Comment] = []
    }

    struct CommentFields {
        var id = "", author = "", email = "", url = "", date = "", dateGMT = "", content = ""
        var approved = "", type = "", parent = "", userID = ""
    }

    init(onChannel: @escaping (WXRChannel) throws -> Void, onItem: @escaping (WXRItem) throws -> Void) {
        self.onChannel = onChannel
        self.onItem = onItem
    }

    func didStartElement(_ tag: XMLTag, attributes: XMLAttributes, reader: XMLStreamReader) throws {
        guard metaDepth == 0, let field = WXRField(rawValue: tag.token) else { return }
        let depth = reader.depth
        switch field {
        case .postmeta, .commentmeta, .termmeta:
            metaDepth = depth
        case .item where itemDepth == 0:
            try deliverChannel()
            itemDepth = depth
            item = ItemFields()
        case .comment where itemDepth != 0 && depth == itemDepth + 1:
            commentDepth = depth
            comment = CommentFields()
        case .author where itemDepth == 0:
            authorDepth = depth
            author = WXRAuthor(login: "")
        case .category where itemDepth != 0:
            categoryDomain = attributes.value("domain") ?? "category"
        default:
            break
        }
    }

    func didEndElement(_ tag: XMLTag, reader: XMLStreamReader) throws {
        let depth = reader.depth
        if metaDepth != 0 {
            if depth == metaDepth { metaDepth = 0 }
            return
        }
        guard let field = WXRField(rawValue: tag.token) else { return }
        if commentDepth != 0 {
            if depth == commentDepth + 1 { readCommentField(field, reader.text) }
            if depth == commentDepth, field == .comment {
                item.comments.append(makeComment())
                commentDepth = 0
            }
        } else if itemDepth != 0 {
            if depth == itemDepth + 1 { readItemField(field, reader) }
            if depth == itemDepth, field == .item {
                try onItem(makeItem())
                itemDepth = 0
            }
        } else if authorDepth != 0 {
            if depth == authorDepth + 1 { readAuthorField(field, reader.text) }
            if depth == authorDepth, field == .author {
                channel.authors.append(author)
                authorDepth = 0
            }
        } else if depth == 3 {  // rss > channel > field
            readChannelField(field, reader.text)
        } else if field == .catName {
            channel.categories.append(reader.text)
        } else if field == .tagName {
            channel.tags.append(reader.text)
        }
    }

    func finish() throws { try deliverChannel() }

    private func deliverChannel() throws {
        guard !channelDelivered else { return }
        channelDelivered = true
        try onChannel(channel)
    }

    private func readChannelField(_ field: WXRField, _ text: String) {
        switch field {
        // Titles are HTML to WordPress (a browser shows `&amp;` as `&`), so they are read as HTML.
        case .title: channel.title = FeedHTML.plainText(fromHTML: text)
        case .link: channel.link = text
        case .description: channel.description = text
        case .language: channel.language = text
        case .baseSiteURL: channel.baseSiteURL = text
        case .baseBlogURL: channel.baseBlogURL = text
        default: break
        }
    }

    private func readAuthorField(_ field: WXRField, _ text: String) {
        switch field {
        case .authorID: author.id = Int(text.trimmedWhitespace)
        case .authorLogin: author.login = text
        case .authorEmail: author.email = text
        case .authorDisplayName: author.displayName = text
        default: break
        }
    }
}
