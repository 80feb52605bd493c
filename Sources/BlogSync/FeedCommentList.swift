import BlogModel

/// Turns feed entries into comments with their reply parents resolved.
public enum FeedCommentList {
    /// The comments of a per-post comment feed (RSS2 or Atom). `postIDs` are the ids the
    /// post goes by (guid, Atom id, link): a `thr:in-reply-to` naming one of them is top level.
    public static func comments(from document: FeedDocument, postIDs: Set<String>) -> [FeedComment] {
        let byEntryID = Dictionary(
            document.entries.map { ($0.entryID, commentSourceID($0)) }, uniquingKeysWith: { first, _ in first })
        return document.entries.map { entry in
            resolve(entry, postIDs: postIDs, sourceIDOfEntry: byEntryID)
        }
    }

    /// The comment entries of an Atom posts feed that interleaves comments with posts (as
    /// some exports and generators do), grouped by the source id of the post they belong to.
    public static func inlineComments(from document: FeedDocument) -> [String: [FeedComment]] {
        var postOfID: [String: String] = [:]
        for entry in document.entries where !entry.isComment {
            postOfID[entry.entryID] = entry.post.sourceID
            postOfID[entry.post.sourceID] = entry.post.sourceID
            if !entry.post.link.isEmpty { postOfID[entry.post.link] = entry.post.sourceID }
        }
        let commentEntries = document.entries.filter(\.isComment)
        guard !commentEntries.isEmpty else { return [:] }
        let refOfComment = Dictionary(
            commentEntries.map { ($0.entryID, $0.inReplyTo[0]) }, uniquingKeysWith: { first, _ in first })
        let sourceIDOfEntry = Dictionary(
            commentEntries.map { ($0.entryID, commentSourceID($0)) }, uniquingKeysWith: { first, _ in first })

        /// Climbs reply refs up to a post; gives up on loops and unknown refs.
        func post(of entry: FeedEntry) -> String? {
            var ref = entry.inReplyTo[0]
            var seen: Set<String> = []
            while seen.insert(ref).inserted {
                if let post = postOfID[ref] { return post }
                guard let next = refOfComment[ref] else { break }
                ref = next
            }
            // A WordPress comment guid is `<post guid>#comment-N`.
            if let hash = entry.entryID.range(of: "#comment-") {
                return postOfID[String(entry.entryID[..<hash.lowerBound])]
            }
            return nil
        }

        var grouped: [String: [FeedComment]] = [:]
        let postIDs = Set(postOfID.keys)
        for entry in commentEntries {
            guard let postSourceID = post(of: entry) else { continue }
            grouped[postSourceID, default: []].append(
                resolve(entry, postIDs: postIDs, sourceIDOfEntry: sourceIDOfEntry))
        }
        return grouped
    }

    static func commentSourceID(_ entry: FeedEntry) -> String {
        FeedCommentIdentity.wordpressCommentID(in: entry.comment.sourceID)
            ?? FeedCommentIdentity.sourceID(guid: entry.entryID, link: entry.post.link)
            ?? entry.comment.sourceID
    }

    static func resolve(
        _ entry: FeedEntry, postIDs: Set<String>, sourceIDOfEntry: [String: String]
    ) -> FeedComment {
        var comment = entry.comment
        comment.sourceID = commentSourceID(entry)
        if let ref = entry.inReplyTo.first {
            if postIDs.contains(ref) {
                comment.parentSourceID = nil
            } else {
                comment.parentSourceID = sourceIDOfEntry[ref] ?? FeedCommentIdentity.parentID(fromRef: ref)
            }
            return FeedComment(comment: comment, knowsParent: true)
        }
        let split = FeedCommentIdentity.stripReplyPrefix(comment.contentHTML)
        comment.contentHTML = split.html
        comment.parentSourceID = split.parentID
        return FeedComment(comment: comment, knowsParent: split.parentID != nil)
    }
}
