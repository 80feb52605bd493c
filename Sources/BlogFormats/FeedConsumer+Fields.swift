import BlogModel
import Foundation

/// Reading individual elements: attributes at the start tag, text at the end tag.
extension FeedConsumer {
    func startField(_ field: FeedField, attributes: XMLAttributes, depth: Int) throws {
        switch field {
        case .channel where itemDepth == 0 && channelDepth == 0:
            channelDepth = depth
        case .item where itemDepth == 0, .entry where itemDepth == 0:
            itemDepth = depth
            item = ItemFields()
            item.rdfAbout = attributes.value("about", namespaceURI: XMLNamespace.rdf) ?? ""
        case .atomAuthor where authorDepth == 0:
            let parent = itemDepth != 0 ? itemDepth : channelDepth
            guard parent != 0, depth == parent + 1 else { return }
            authorDepth = depth
            author = AuthorFields()
        case .atomSource where itemDepth != 0:
            skipDepth = depth
        case .atomLink:
            readLink(attributes, depth: depth)
        case .atomCategory where itemDepth != 0 && depth == itemDepth + 1:
            let label = attributes.value("label") ?? ""
            let term = attributes.value("term") ?? ""
            let name = label.isEmpty ? term : label
            if !name.isEmpty { item.categories.append(name) }
        case .inReplyTo where itemDepth != 0 && depth == itemDepth + 1:
            guard let ref = attributes.value("ref") else { return }
            let href = attributes.value("href").map { bases.resolve($0) }
            item.inReplyTo.append(FeedItem.InReplyTo(ref: ref.trimmedWhitespace, href: href))
        case .guid where itemDepth != 0:
            item.guidIsPermaLink = attributes.value("isPermaLink")?.lowercased() != "false"
        case .atomTitle, .atomSubtitle, .atomSummary, .atomContent:
            fieldKind = FeedTextKind(type: attributes.value("type"), mode: attributes.value("mode"))
            fieldDepth = depth
            if field == .atomContent, itemDepth != 0, let source = attributes.value("src") {
                item.contentSource = bases.resolve(source)
            }
            if fieldKind == .xhtml { markup = FeedMarkupWriter(depth: depth) }
        case .title, .description, .contentEncoded:
            fieldKind = .html
            fieldDepth = depth
        default:
            break
        }
    }

    /// Atom `link` (also found inside RSS): alternate, self, replies.
    private func readLink(_ attributes: XMLAttributes, depth: Int) {
        guard let rawHref = attributes.value("href") else { return }
        let href = bases.resolve(rawHref)
        let rel = (attributes.value("rel") ?? "alternate").lowercased()
        let type = (attributes.value("type") ?? "").lowercased()
        if itemDepth != 0 {
            guard depth == itemDepth + 1 else { return }
            switch rel {
            case "alternate", "http://www.iana.org/assignments/relation/alternate":
                if item.alternateLink.isEmpty || type.containsBytes("html") && !item.alternateIsHTML {
                    item.alternateLink = href
                    item.alternateIsHTML = type.isEmpty || type.containsBytes("html")
                }
            case "replies":
                if type.isEmpty || type.containsBytes("atom") || type.containsBytes("rss") || type.containsBytes("xml")
                {
                    if item.repliesFeed.isEmpty { item.repliesFeed = href }
                } else if item.repliesPage.isEmpty {
                    item.repliesPage = href
                }
                if let count = attributes.value("count", namespaceURI: XMLNamespace.thr).flatMap({ Int($0) }) {
                    item.threadCount = count
                }
            default: break
            }
        } else if channelDepth != 0, depth == channelDepth + 1 {
            switch rel {
            case "self": if feed.selfURL == nil { feed.selfURL = href }
            case "alternate":
                if feed.link.isEmpty || type.containsBytes("html") && !channelLinkIsHTML {
                    feed.link = href
                    channelLinkIsHTML = type.isEmpty || type.containsBytes("html")
                }
            default: break
            }
        }
    }

    func readItemField(_ field: FeedField, value: String, kind: FeedTextKind) {
        switch field {
        case .title: item.title = FeedHTML.plainText(fromHTML: value)
        case .atomTitle: item.title = kind.plainText(from: value)
        case .link: item.link = resolvedLink(value)
        case .guid: item.guid = trimmed(value)
        case .atomID: item.atomID = trimmed(value)
        case .description: item.summary = resolvingLinks(value, kind: .html)
        case .atomSummary: item.summary = resolvingLinks(kind.html(from: value), kind: kind)
        case .contentEncoded: item.content = resolvingLinks(value, kind: .html)
        case .atomContent: item.content = resolvingLinks(kind.html(from: value), kind: kind)
        case .pubDate: item.pubDate = value
        case .dcDate: item.dcDate = value
        case .atomPublished: item.published = value
        case .atomUpdated: item.updated = value
        case .author: item.rssAuthor = value
        case .dcCreator: item.creator = FeedHTML.collapse(value)
        case .category, .dcSubject:
            let name = trimmed(value)
            if !name.isEmpty { item.categories.append(name) }
        case .comments: item.commentsPage = resolvedLink(value)
        case .commentRss: item.commentRss = resolvedLink(value)
        case .slashComments: item.slashComments = Int(trimmed(value))
        case .threadTotal: item.threadTotal = Int(trimmed(value))
        default: break
        }
    }

    func readAuthorField(_ field: FeedField, _ value: inout String) {
        switch field {
        case .atomName: author.name = FeedHTML.collapse(value)
        case .atomURI: author.uri = resolvedLink(value)
        case .atomEmail: author.email = trimmed(value)
        default: break
        }
    }

    func readChannelField(_ field: FeedField, value: String, kind: FeedTextKind) {
        switch field {
        case .title: feed.title = FeedHTML.plainText(fromHTML: value)
        case .atomTitle: feed.title = kind.plainText(from: value)
        case .link:
            guard !trimmed(value).isEmpty else { return }
            feed.link = resolvedLink(value)
            channelLinkIsHTML = true
        case .description: feed.description = FeedHTML.plainText(fromHTML: value)
        case .atomSubtitle: feed.description = kind.plainText(from: value)
        case .language, .dcLanguage: feed.language = trimmed(value)
        default: break
        }
    }

    /// A link element's text resolved against the base in scope; empty stays empty.
    private func resolvedLink(_ text: String) -> String {
        let link = trimmed(text)
        return link.isEmpty ? "" : bases.resolve(link)
    }

    private func resolvingLinks(_ html: String, kind: FeedTextKind) -> String {
        kind == .xhtml ? html : FeedHTML.resolvingLinks(in: html, against: bases.current)
    }

    func trimmed(_ text: String) -> String { text.trimmedWhitespace }
}
