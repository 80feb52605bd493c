/// The feed elements `FeedParser` reads, as reader tokens.
///
/// RSS names match in no namespace and in the RSS 1.0 / 0.90 namespaces alike (RSS 1.0 files
/// are found with and without a default namespace); Atom names match in Atom 1.0 and 0.3.
enum FeedField: Int {
    // Roots.
    case rss, rdf, atomFeed
    // RSS 2.0 / 1.0 / 0.9x.
    case channel, item, title, link, description, language, guid, pubDate, author, category
    case comments, contentEncoded, dcCreator, dcDate, dcSubject, dcLanguage, commentRss
    case slashComments
    // Atom 1.0 / 0.3.
    case entry, atomTitle, atomSubtitle, atomLink, atomID, atomUpdated, atomPublished
    case atomAuthor, atomName, atomURI, atomEmail, atomCategory, atomContent, atomSummary
    case atomSource
    // RFC 4685 threading.
    case inReplyTo, threadTotal

    /// Namespaces UserLand and Harvard once gave RSS 0.9x/2.0; a few feeds still declare them.
    static let userlandRSS = [
        "http://backend.userland.com/rss", "http://backend.userland.com/rss2",
        "http://blogs.law.harvard.edu/tech/rss",
    ]

    /// The field for `tag`; names in `alias` (a root's unrecognised namespace) read as if
    /// they were in `aliasTarget` (Atom's namespace, or none for RSS).
    static func of(_ tag: XMLTag, alias: String?, aliasTarget: String) -> FeedField? {
        if let alias, tag.name.namespaceURI == alias,
            let token = vocabulary[XMLName(aliasTarget, tag.name.localName)]
        {
            return FeedField(rawValue: token)
        }
        return FeedField(rawValue: tag.token)
    }

    static let vocabulary: [XMLName: Int] = {
        var table: [XMLName: Int] = [:]
        func add(_ uris: [String], _ local: String, _ field: FeedField) {
            for uri in uris { table[XMLName(uri, local)] = field.rawValue }
        }
        let rss = ["", XMLNamespace.rss10, XMLNamespace.rss090] + userlandRSS
        let atom = [XMLNamespace.atom, XMLNamespace.atom03]
        add([""], "rss", .rss)
        add([XMLNamespace.rdf], "RDF", .rdf)
        add(atom, "feed", .atomFeed)
        let plain: [(String, FeedField)] = [
            ("channel", .channel), ("item", .item), ("title", .title), ("link", .link),
            ("description", .description), ("language", .language), ("guid", .guid),
            ("pubDate", .pubDate), ("author", .author), ("category", .category),
            ("comments", .comments),
        ]
        for (local, field) in plain { add(rss, local, field) }
        add([XMLNamespace.content], "encoded", .contentEncoded)
        add([XMLNamespace.dc], "creator", .dcCreator)
        add([XMLNamespace.dc], "date", .dcDate)
        add([XMLNamespace.dc], "subject", .dcSubject)
        add([XMLNamespace.dc], "language", .dcLanguage)
        // WordPress wrote `commentRSS` for years; both spellings are in the wild.
        add([XMLNamespace.wfw], "commentRss", .commentRss)
        add([XMLNamespace.wfw], "commentRSS", .commentRss)
        add([XMLNamespace.slash], "comments", .slashComments)
        let atomNames: [(String, FeedField)] = [
            ("entry", .entry), ("title", .atomTitle), ("subtitle", .atomSubtitle),
            ("tagline", .atomSubtitle), ("link", .atomLink), ("id", .atomID),
            ("updated", .atomUpdated), ("modified", .atomUpdated), ("published", .atomPublished),
            ("issued", .atomPublished), ("author", .atomAuthor), ("name", .atomName),
            ("uri", .atomURI), ("url", .atomURI), ("email", .atomEmail),
            ("category", .atomCategory), ("content", .atomContent), ("summary", .atomSummary),
            ("source", .atomSource),
        ]
        for (local, field) in atomNames { add(atom, local, field) }
        add([XMLNamespace.thr], "in-reply-to", .inReplyTo)
        add([XMLNamespace.thr], "total", .threadTotal)
        return table
    }()
}
