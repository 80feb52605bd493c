/// The syndication format a feed document was written in.
public enum FeedKind: String, Equatable, Sendable {
    /// RSS 2.0, and the RSS 0.9x family that has no namespace (with or without a version).
    case rss2
    /// RSS 1.0 (and 0.90) over RDF: items are siblings of the channel.
    case rss1
    /// Atom 1.0, and Atom 0.3 read leniently.
    case atom
}
