import BlogModel
import Foundation

/// Item and comment fields, and their mapping onto the shared model.
extension WXRConsumer {
    func readItemField(_ field: WXRField, _ reader: XMLStreamReader) {
        switch field {
        case .title: item.title = reader.text
        case .link: item.link = reader.text
        case .guid: item.guid = reader.text
        case .creator: item.creator = reader.text
        case .contentEncoded: item.content = reader.text
        case .excerptEncoded: item.excerpt = reader.text
        case .postID: item.postID = trimmed(reader.text)
        case .postDateGMT: item.postDateGMT = reader.text
        case .pubDate: item.pubDate = reader.text
        case .commentStatus: item.commentStatus = trimmed(reader.text)
        case .status: item.status = trimmed(reader.text)
        case .postType: item.postType = trimmed(reader.text)
        case .category:
            let name = reader.text
            guard !name.isEmpty else { return }
            switch categoryDomain {
            case "category": item.categories.append(name)
            case "post_tag": item.tags.append(name)
            default: break
            }
        default: break
        }
    }

    func readCommentField(_ field: WXRField, _ text: String) {
        switch field {
        case .commentID: comment.id = trimmed(text)
        case .commentAuthor: comment.author = text
        case .commentAuthorEmail: comment.email = text
        case .commentAuthorURL: comment.url = text
        case .commentDate: comment.date = text
        case .commentDateGMT: comment.dateGMT = text
        case .commentContent: comment.content = text
        case .commentApproved: comment.approved = trimmed(text)
        case .commentType: comment.type = trimmed(text)
        case .commentParent: comment.parent = trimmed(text)
        case .commentUserID: comment.userID = trimmed(text)
        default: break
        }
    }

    func makeItem() -> WXRItem {
        let sourceID = [item.postID, item.guid, item.link].first { !$0.isEmpty } ?? ""
        let listed = channel.authors.first { $0.login == item.creator }
        let displayName = listed?.displayName ?? ""
        let post = Post(
            sourceID: sourceID, title: FeedHTML.plainText(fromHTML: item.title), link: item.link,
            author: FeedHTML.plainText(fromHTML: displayName.isEmpty ? item.creator : displayName),
            published: FeedDate.parse(item.postDateGMT) ?? FeedDate.parse(item.pubDate),
            categories: item.categories, tags: item.tags, contentHTML: item.content,
            excerptHTML: item.excerpt, remotePostID: Int(item.postID),
            commentsOpen: item.commentStatus != "closed", authorUserID: listed?.id)
        return WXRItem(post: post, postType: item.postType, status: item.status, comments: item.comments)
    }

    func makeComment() -> Comment {
        let status: Comment.Status
        switch comment.approved {
        case "1", "approve", "approved": status = .approved
        case "spam": status = .spam
        case "trash", "post-trashed": status = .trash
        default: status = .pending
        }
        let kind: Comment.Kind
        switch comment.type {
        case "pingback": kind = .pingback
        case "trackback": kind = .trackback
        default: kind = .comment
        }
        return Comment(
            sourceID: comment.id,
            parentSourceID: comment.parent.isEmpty || comment.parent == "0" ? nil : comment.parent,
            author: FeedHTML.plainText(fromHTML: comment.author), authorEmail: comment.email, authorURL: comment.url,
            published: FeedDate.parse(comment.dateGMT) ?? FeedDate.parse(comment.date),
            contentHTML: comment.content, kind: kind, status: status, authorUserID: Int(comment.userID))
    }

    private func trimmed(_ text: String) -> String { text.trimmedWhitespace }
}
