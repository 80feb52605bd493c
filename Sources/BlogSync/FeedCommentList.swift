import BlogFormats
import BlogModel

/// Turns parsed feed items into comments with their reply parents resolved.
///
/// `FeedItem.asComment()` reads WordPress threading (`#comment-N` refs and the "In reply to"
/// prefix); this adds what only the whole feed knows: which refs name the post itself
/// (top level), and which name another entry of the same feed by its Atom id (engines other
/// than WordPress).
public enum FeedCommentList {
    /// The comments of a per-post comment feed (RSS2 or Atom). `postIDs` are the ids the
    /// post goes by (guid, Atom id, link): a `thr:in-reply-to` naming one of them is top level.
    public static func comments(from feed: ParsedFeed, postIDs: Set<String>) -> [FeedComment] {
        let read = feed.items.map { $0.asComment() }
        let sourceIDOfEntry = Dictionary(
            zip(feed.items, read).map { ($0.entryID, $1.sourceID) }, uniquingKeysWith: { first, _ in first })
        return zip(feed.items, read).map { resolve($0, as: $1, postIDs: postIDs, sourceIDOfEntry: sourceIDOfEntry) }
    }

    /// The comments of a site-wide comment feed by cache post id. WordPress names each
    /// comment `<post guid>#comment-N` (guid) and `<post link>#comment-N` (link); `postOf`
    /// maps the blog's guids and links to cache post ids. Comments of unknown posts are left out.
    public static func siteComments(from feed: ParsedFeed, postOf: [String: Int64]) -> [Int64: [FeedComment]] {
        var grouped: [Int64: [FeedComment]] = [:]
        for item in feed.items {
            let names = [item.guid, item.post.link, item.atomID].compactMap { $0 }
            let postID = names.lazy.compactMap { name -> Int64? in
                guard let hash = name.range(of: "#comment-") else { return nil }
                return postOf[String(name[..<hash.lowerBound])]
            }.first
            guard let postID else { continue }
            let comment = item.asComment()
            grouped[postID, default: []].append(
                resolve(item, as: comment, postIDs: Set(names), sourceIDOfEntry: [:]))
        }
        return grouped
    }

    /// The comment entries of an Atom posts feed that interleaves comments with posts (as
    /// some exports and generators do), grouped by the source id of the post they belong to.
    public static func inlineComments(from feed: ParsedFeed) -> [String: [FeedComment]] {
        var postOfID: [String: String] = [:]
        for item in feed.items where !item.isComment {
            postOfID[item.entryID] = item.post.sourceID
            postOfID[item.post.sourceID] = item.post.sourceID
            if !item.post.link.isEmpty { postOfID[item.post.link] = item.post.sourceID }
        }
        let commentItems = feed.items.filter(\.isComment)
        guard !commentItems.isEmpty else { return [:] }
        let refOfComment = Dictionary(
            commentItems.map { ($0.entryID, $0.inReplyTo[0].ref) }, uniquingKeysWith: { first, _ in first })
        let read = commentItems.map { $0.asComment() }
        let sourceIDOfEntry = Dictionary(
            zip(commentItems, read).map { ($0.entryID, $1.sourceID) }, uniquingKeysWith: { first, _ in first })

        /// Climbs reply refs up to a post; gives up on loops and unknown refs.
        func post(of item: FeedItem) -> String? {
            var ref = item.inReplyTo[0].ref
            var seen: Set<String> = []
            while seen.insert(ref).inserted {
                if let post = postOfID[ref] { return post }
                guard let next = refOfComment[ref] else { break }
                ref = next
            }
            // A WordPress comment guid is `<post guid>#comment-N`.
            if let hash = item.entryID.range(of: "#comment-") {
                return postOfID[String(item.entryID[..<hash.lowerBound])]
            }
            return nil
        }

        var grouped: [String: [FeedComment]] = [:]
        let postIDs = Set(postOfID.keys)
        for (item, comment) in zip(commentItems, read) {
            guard let postSourceID = post(of: item) else { continue }
            grouped[postSourceID, default: []].append(
                resolve(item, as: comment, postIDs: postIDs, sourceIDOfEntry: sourceIDOfEntry))
        }
        return grouped
    }

    /// `comment` is `item.asComment()`, with its parent settled against the rest of the feed.
    static func resolve(
        _ item: FeedItem, as comment: Comment, postIDs: Set<String>, sourceIDOfEntry: [String: String]
    ) -> FeedComment {
        var comment = comment
        guard let ref = item.inReplyTo.first?.ref else {
            // RSS2 comment feeds say nothing of parents unless WordPress's prefix did.
            return FeedComment(comment: comment, knowsParent: comment.parentSourceID != nil)
        }
        if postIDs.contains(ref) {
            comment.parentSourceID = nil
        } else {
            comment.parentSourceID = sourceIDOfEntry[ref] ?? FeedCommentIdentity.parentID(fromRef: ref)
        }
        return FeedComment(comment: comment, knowsParent: true)
    }
}
