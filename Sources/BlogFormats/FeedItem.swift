import BlogModel

/// One RSS item or Atom entry: a post (or, in a comment feed, a comment) with feed identity.
public struct FeedItem: Equatable, Sendable {
    /// RFC 4685 `thr:in-reply-to`: the entry this one answers.
    public struct InReplyTo: Equatable, Sendable {
        /// The parent's identity (its `atom:id` or guid).
        public var ref: String
        /// A link to the parent, resolved against `xml:base`, when given.
        public var href: String?

        public init(ref: String, href: String? = nil) {
            self.ref = ref
            self.href = href
        }
    }

    /// The item mapped onto the model; `sourceID` is guid / atom:id / rdf:about, else the link.
    public var post: Post
    /// The Atom `id` (or the RSS guid / `rdf:about`) exactly as written, when there is one.
    public var atomID: String?
    /// The RSS `guid` as written, when there is one.
    public var guid: String?
    public var inReplyTo: [InReplyTo]
    /// The item's comments page (RSS `comments`), when given.
    public var commentLink: String?
    /// The digits after `#comment-` in the guid/id or link: WordPress's comment id.
    public var wordpressCommentID: String?
    /// Atom `author/uri` (resolved), for comment authors' sites.
    public var authorURL: String
    /// Atom `author/email`, or the address of an RSS `author` "a@b (Name)".
    public var authorEmail: String

    public init(
        post: Post, atomID: String? = nil, guid: String? = nil, inReplyTo: [InReplyTo] = [],
        commentLink: String? = nil, wordpressCommentID: String? = nil, authorURL: String = "",
        authorEmail: String = ""
    ) {
        self.post = post
        self.atomID = atomID
        self.guid = guid
        self.inReplyTo = inReplyTo
        self.commentLink = commentLink
        self.wordpressCommentID = wordpressCommentID
        self.authorURL = authorURL
        self.authorEmail = authorEmail
    }
}
