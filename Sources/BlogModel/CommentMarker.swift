import Foundation

/// Works out each comment's `marks` on one post's thread: the user's own, replies to them,
/// the post's author, muted. The one place these rules live; the cache feeds it.
public struct CommentMarker: Sendable {
    /// The post's author as the post names them, and their user id on the site when known.
    public var postAuthor: String
    public var postAuthorUserID: Int?
    /// Who the user is; nil when they have not said (then only sent comments are theirs).
    public var identity: CommenterIdentity?
    /// The site's ids of the comments the outbox sent on this post.
    public var sentCommentIDs: Set<String>
    public var mutes: MuteRules

    public init(
        postAuthor: String, postAuthorUserID: Int? = nil, identity: CommenterIdentity? = nil,
        sentCommentIDs: Set<String> = [], mutes: MuteRules = MuteRules()
    ) {
        self.postAuthor = postAuthor
        self.postAuthorUserID = postAuthorUserID
        self.identity = identity
        self.sentCommentIDs = sentCommentIDs
        self.mutes = mutes
    }

    /// Sent from the outbox (by the site's id), or written under the user's name with their
    /// e-mail, or with none where the source hides e-mails (feeds, the REST API).
    public func isMine(_ comment: Comment) -> Bool {
        if !sentCommentIDs.isEmpty,
            sentCommentIDs.contains(comment.sourceID)
                || Self.commentNumber(comment.sourceID).map(sentCommentIDs.contains) == true
        {
            return true
        }
        guard let identity, Self.sameName(identity.name, comment.author) else { return false }
        return comment.authorEmail.isEmpty || identity.email.isEmpty
            || comment.authorEmail.lowercased() == identity.email.lowercased()
    }

    /// By user id where both sides have one (a guest, id 0, borrowing the author's name is not
    /// the author); else by the name the post gives its author.
    public func isPostAuthor(_ comment: Comment) -> Bool {
        if let postAuthorUserID, let userID = comment.authorUserID {
            return userID != 0 && userID == postAuthorUserID
        }
        return Self.sameName(postAuthor, comment.author)
    }

    public func mark(_ comments: inout [Comment]) {
        var mine: Set<String> = []
        for index in comments.indices {
            var marks: CommentMarks = []
            if isMine(comments[index]) {
                marks.insert(.mine)
                mine.insert(comments[index].sourceID)
            }
            if isPostAuthor(comments[index]) { marks.insert(.postAuthor) }
            comments[index].marks = marks
        }
        if !mine.isEmpty {
            for index in comments.indices {
                if let parent = comments[index].parentSourceID, mine.contains(parent),
                    !comments[index].marks.contains(.mine)
                {
                    comments[index].marks.insert(.replyToMe)
                }
            }
        }
        mutes.apply(to: &comments)
    }

    /// Names compare as people type them: surrounding spaces and letter case aside.
    static func sameName(_ a: String, _ b: String) -> Bool {
        let left = a.trimmingCharacters(in: .whitespaces)
        return !left.isEmpty && left.lowercased() == b.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The N of a source id ending in `comment-N` (a feed naming a comment by its address).
    static func commentNumber(_ sourceID: String) -> String? {
        guard let range = sourceID.range(of: "comment-", options: .backwards) else { return nil }
        let digits = sourceID[range.upperBound...]
        return !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? String(digits) : nil
    }
}
