import BlogModel
import Foundation

/// What a draft file tells the user it answers, in the site's terms: the post's title and
/// address, the author and the site's number of the comment replied to, and whether the
/// site still takes comments there.
///
/// The cache ids in the file's machine header mean nothing on the blog; these lines name
/// what the user can find on the site (`#comment-4521`). Every text from the feed is made
/// terminal-safe, as anywhere else it is shown.
public struct DraftFileHeading: Equatable, Sendable {
    /// The lines, without their leading `# `.
    public var lines: [String]

    /// - Parameters:
    ///   - parentCommentID: the cache id of the comment replied to; nil for a comment on the post.
    ///   - parent: that comment, when it is still in the cache.
    public init(post: Post, parentCommentID: Int64?, parent: Comment?) {
        let title = Self.safe(post.title).isEmpty ? "(untitled post)" : Self.safe(post.title)
        let link = Self.safe(post.link)
        var lines: [String] = []
        if let parent {
            let author = Self.safe(parent.author).isEmpty ? "Anonymous" : Self.safe(parent.author)
            let number = Comment.siteNumber(of: parent.sourceID)
            let what = number.map { "\(author), comment \($0)" } ?? author
            let address = link.isEmpty ? "" : " (\(Self.commentLink(link, number: number)))"
            lines.append("Replying to \(what) on “\(title)”\(address)")
        } else if parentCommentID != nil {
            lines.append(
                "Replying to a comment no longer in the cache, on “\(title)”\(link.isEmpty ? "" : " (\(link))")")
        } else {
            lines.append("Commenting on “\(title)”\(link.isEmpty ? "" : " (\(link))")")
        }
        if !post.commentsOpen {
            lines.append(
                "Comments are closed on this post: the site will refuse this comment"
                    + " (`lectern drafts send --force` tries anyway).")
        }
        self.lines = lines
    }

    /// The post's address with `#comment-N` in place of any fragment; the post's alone when
    /// the comment has no number on the site.
    static func commentLink(_ link: String, number: Int?) -> String {
        guard let number else { return link }
        let base =
            link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? link
        return base + "#comment-\(number)"
    }

    private static func safe(_ text: String) -> String {
        TerminalSafeText.sanitize(text).trimmingCharacters(in: .whitespaces)
    }
}
