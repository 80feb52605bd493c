import Foundation

/// The WXR elements `WXRParser` reads, as reader tokens.
enum WXRField: Int, CaseIterable {
    case item, title, link, description, language, pubDate, guid, category, creator, contentEncoded
    case excerptEncoded
    case baseSiteURL, baseBlogURL, author, authorID, authorLogin, authorEmail, authorDisplayName
    case wpCategory, catName, wpTag, tagName
    case postID, postDateGMT, commentStatus, status, postType
    case comment, commentID, commentAuthor, commentAuthorEmail, commentAuthorURL, commentDate
    case commentDateGMT, commentContent, commentApproved, commentType, commentParent, commentUserID
    case postmeta, commentmeta, termmeta

    /// Every field's name in each WXR version (1.0, 1.1, 1.2, and later minor versions).
    static let vocabulary: [XMLName: Int] = {
        var table: [XMLName: Int] = [:]
        let plain: [(String, String, WXRField)] = [
            ("", "item", .item), ("", "title", .title), ("", "link", .link),
            ("", "description", .description), ("", "language", .language),
            ("", "pubDate", .pubDate), ("", "guid", .guid), ("", "category", .category),
            (XMLNamespace.dc, "creator", .creator), (XMLNamespace.content, "encoded", .contentEncoded),
        ]
        for (uri, local, field) in plain { table[XMLName(uri, local)] = field.rawValue }
        let wordPress: [(String, WXRField)] = [
            ("base_site_url", .baseSiteURL), ("base_blog_url", .baseBlogURL), ("author", .author),
            ("author_id", .authorID), ("author_login", .authorLogin), ("author_email", .authorEmail),
            ("author_display_name", .authorDisplayName), ("category", .wpCategory),
            ("cat_name", .catName), ("tag", .wpTag), ("tag_name", .tagName), ("post_id", .postID),
            ("post_date_gmt", .postDateGMT), ("comment_status", .commentStatus), ("status", .status),
            ("post_type", .postType), ("comment", .comment), ("comment_id", .commentID),
            ("comment_author", .commentAuthor), ("comment_author_email", .commentAuthorEmail),
            ("comment_author_url", .commentAuthorURL), ("comment_date", .commentDate),
            ("comment_date_gmt", .commentDateGMT), ("comment_content", .commentContent),
            ("comment_approved", .commentApproved), ("comment_type", .commentType),
            ("comment_parent", .commentParent), ("comment_user_id", .commentUserID), ("postmeta", .postmeta),
            ("commentmeta", .commentmeta), ("termmeta", .termmeta),
        ]
        // WordPress.com writes https:// namespace URIs; accept both schemes.
        for minor in 0...9 {
            let uri = XMLNamespace.wordPressExport(minor: minor)
            let excerpt = XMLNamespace.wordPressExcerpt(minor: minor)
            for scheme in ["http://", "https://"] {
                let export = uri.replacingOccurrences(of: "http://", with: scheme)
                for (local, field) in wordPress { table[XMLName(export, local)] = field.rawValue }
                table[XMLName(excerpt.replacingOccurrences(of: "http://", with: scheme), "encoded")] =
                    WXRField.excerptEncoded.rawValue
            }
        }
        return table
    }()
}
