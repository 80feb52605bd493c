import BlogFormats
import BlogModel
import Foundation

/// Writes the subscription list as OPML 2.0, the format every feed reader imports.
public enum OPMLExporter {
    /// An OPML document with one `<outline type="rss">` per blog that has a feed.
    public static func document(blogs: [Blog], title: String = "Lectern subscriptions") -> String {
        let outlines = blogs.compactMap { blog -> OPMLOutline? in
            guard let feed = blog.feedURL else { return nil }
            return OPMLOutline(title: blog.title, xmlURL: feed, htmlURL: blog.link.isEmpty ? nil : blog.link)
        }
        return OPMLWriter.document(title: title, outlines: outlines)
    }
}
