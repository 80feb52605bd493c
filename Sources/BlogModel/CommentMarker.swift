import Foundation

/// Works out each comment's `marks` on one post's thread: the user's own, replies to them,
/// the post's author, muted. The one place these rules live; the cache feeds it.
public struct CommentMarker: Sendable {
    /// The post's author as the post names them, and their user id on the site when known.
    public let postAuthor: String
    public let postAuthorUserID: Int?
    /// Who the user is; nil when they have not said (then only sent comments are theirs).
    public let identity: CommenterIdentity?
    /// The site's ids of the comments the outbox sent on this post.
    public let sentCommentIDs: Set<String>
    public let mutes: MuteRules
    /// The names compared, folded once: a thread compares them with every comment.
    private let identityName: FoldedName?
    private let postAuthorName: FoldedName?

    public init(
        postAuthor: String, postAuthorUserID: Int? = nil, identity: CommenterIdentity? = nil,
        sentCommentIDs: Set<String> = [], mutes: MuteRules = MuteRules()
    ) {
        self.postAuthor = postAuthor
        self.postAuthorUserID = postAuthorUserID
        self.identity = identity
        self.sentCommentIDs = sentCommentIDs
        self.mutes = mutes
        identityName = identity.flatMap { FoldedName($0.name) }
        postAuthorName = FoldedName(postAuthor)
    }

    /// Sent from the outbox (by the site's id), or written under the user's name with their
    /// e-mail, or with none where the source hides e-mails (feeds, the REST API).
    public func isMine(_ comment: Comment) -> Bool {
        if !sentCommentIDs.isEmpty,
            sentCommentIDs.contains(comment.sourceID)
                || Comment.siteNumber(of: comment.sourceID).map({ sentCommentIDs.contains(String($0)) }) == true
        {
            return true
        }
        guard let identity, let identityName, identityName.matches(comment.author) else { return false }
        return comment.authorEmail.isEmpty || identity.email.isEmpty
            || comment.authorEmail.lowercased() == identity.email.lowercased()
    }

    /// By user id where both sides have one (a guest, id 0, borrowing the author's name is not
    /// the author); else by the name the post gives its author.
    public func isPostAuthor(_ comment: Comment) -> Bool {
        if let postAuthorUserID, let userID = comment.authorUserID {
            return userID != 0 && userID == postAuthorUserID
        }
        return postAuthorName?.matches(comment.author) ?? false
    }

    /// Sets every comment's `marks`; the user's own comments are not new.
    public func mark(_ comments: inout [Comment]) {
        var mine: Set<String> = []
        for index in comments.indices {
            var marks: CommentMarks = []
            if isMine(comments[index]) {
                marks.insert(.mine)
                mine.insert(comments[index].sourceID)
                // The user's own comment is no news to them.
                comments[index].isNew = false
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
}

/// A name as people type it, compared with surrounding spaces and letter case aside.
///
/// Most names are ASCII: those compare byte by byte, without building a folded copy of every
/// comment's author; only two non-ASCII names go through Unicode case folding.
struct FoldedName: Sendable {
    private let folded: String
    private let foldedBytes: [UInt8]
    private let isASCII: Bool

    init?(_ name: String) {
        let folded = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard !folded.isEmpty else { return nil }
        self.folded = folded
        foldedBytes = Array(folded.utf8)
        isASCII = foldedBytes.allSatisfy { $0 < 0x80 }
    }

    func matches(_ name: String) -> Bool {
        let bytes = name.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, Self.isSpace(bytes[start]) { start = bytes.index(after: start) }
        while start < end, Self.isSpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        let trimmed = bytes[start..<end]
        if trimmed.allSatisfy({ $0 < 0x80 }) {
            // ASCII folds to ASCII of the same length.
            guard isASCII, trimmed.count == foldedBytes.count else { return false }
            return zip(trimmed, foldedBytes).allSatisfy { Self.lower($0) == $1 }
        }
        // A non-ASCII name never folds to an ASCII one (nor the other way) in names people use.
        guard !isASCII else { return false }
        // Most names differ from the first letter: only those that do not are folded whole.
        guard let first = name.unicodeScalars.first(where: { !$0.properties.isWhitespace }),
            folded.hasPrefix(first.properties.lowercaseMapping)
        else { return false }
        return name.trimmingCharacters(in: .whitespaces).lowercased() == folded
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
}
