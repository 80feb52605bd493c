/// Namespace URIs of the feed and export vocabularies this module reads.
public enum XMLNamespace {
    public static let xml = "http://www.w3.org/XML/1998/namespace"
    public static let atom = "http://www.w3.org/2005/Atom"
    public static let atom03 = "http://purl.org/atom/ns#"
    public static let rss10 = "http://purl.org/rss/1.0/"
    public static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let content = "http://purl.org/rss/1.0/modules/content/"
    public static let dc = "http://purl.org/dc/elements/1.1/"
    public static let dcterms = "http://purl.org/dc/terms/"
    public static let wfw = "http://wellformedweb.org/CommentAPI/"
    public static let slash = "http://purl.org/rss/1.0/modules/slash/"
    public static let thr = "http://purl.org/syndication/thread/1.0"
    public static let sy = "http://purl.org/rss/1.0/modules/syndication/"
    public static let app = "http://www.w3.org/2007/app"
    public static let xhtml = "http://www.w3.org/1999/xhtml"
    public static let media = "http://search.yahoo.com/mrss/"
    public static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"

    /// WordPress export namespace of WXR version `1.minor`.
    public static func wordPressExport(minor: Int) -> String {
        "http://wordpress.org/export/1.\(minor)/"
    }

    /// WordPress excerpt namespace of WXR version `1.minor`.
    public static func wordPressExcerpt(minor: Int) -> String {
        "http://wordpress.org/export/1.\(minor)/excerpt/"
    }

    /// URIs assumed for prefixes that real files use without declaring them.
    ///
    /// libxml2 reports such a name as a (recoverable) namespace error with no URI; the reader
    /// then looks the prefix up here, so `content:encoded` still matches by URI.
    public static let wellKnownPrefixes: [String: String] = [
        "content": content, "dc": dc, "dcterms": dcterms, "wfw": wfw, "slash": slash,
        "thr": thr, "sy": sy, "atom": atom, "atom10": atom, "app": app, "rdf": rdf,
        "xhtml": xhtml, "media": media, "itunes": itunes,
        "wp": wordPressExport(minor: 2), "excerpt": wordPressExcerpt(minor: 2),
    ]
}
