import Foundation

/// Writes synthetic WordPress-style blogs to a directory for the sync benchmark: per blog a
/// posts feed (`NAME/feed.xml`) naming a per-post RSS comment feed (`NAME/comments/ID.xml`),
/// with replies carrying WordPress's "In reply to" prefix.
enum SyncBenchmarkSite {
    static func write(blogs: Int, posts: Int, commentsPerPost: Int, to directory: URL, baseURL: String) throws -> Int {
        var bytes = 0
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let rfc822 = { (date: Date) in formatter.string(from: date) }
        for blog in 0..<blogs {
            let name = "blog\(blog)"
            let folder = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("comments"), withIntermediateDirectories: true)
            let site = "\(baseURL)/\(name)"
            var items = ""
            for post in 1...max(1, posts) {
                let date = Date(timeIntervalSince1970: 1_600_000_000 + Double(post * 3600))
                items += """
                    <item><title>Post \(post) of blog \(blog)</title><link>\(site)/p\(post)/</link>
                    <guid isPermaLink="false">\(site)/?p=\(post)</guid><pubDate>\(rfc822(date))</pubDate>
                    <dc:creator><![CDATA[Author \(blog)]]></dc:creator>
                    <content:encoded><![CDATA[\(paragraphs(post, count: 4))]]></content:encoded>
                    <wfw:commentRss>\(site)/comments/\(post).xml</wfw:commentRss>
                    <slash:comments>\(commentsPerPost)</slash:comments></item>

                    """
                var comments = ""
                for comment in 1...max(1, commentsPerPost) {
                    let id = post * 1000 + comment
                    let reply = comment > 2 && comment % 3 == 0
                        ? "<p>In reply to <a href=\"\(site)/p\(post)/#comment-\(id - 1)\">Reader</a>.</p>\n" : ""
                    comments += """
                        <item><title>By: Reader \(comment)</title><link>\(site)/p\(post)/#comment-\(id)</link>
                        <dc:creator><![CDATA[Reader \(comment)]]></dc:creator>
                        <pubDate>\(rfc822(date.addingTimeInterval(Double(comment * 60))))</pubDate>
                        <guid isPermaLink="false">\(site)/?p=\(post)#comment-\(id)</guid>
                        <content:encoded><![CDATA[\(reply)\(paragraphs(id, count: 2))]]></content:encoded></item>

                        """
                }
                bytes += try save(feed(title: "Comments on Post \(post)", link: "\(site)/p\(post)/", items: comments),
                    to: folder.appendingPathComponent("comments/\(post).xml"))
            }
            bytes += try save(feed(title: "Benchmark blog \(blog)", link: site, items: items),
                to: folder.appendingPathComponent("feed.xml"))
        }
        return bytes
    }

    private static func save(_ text: String, to url: URL) throws -> Int {
        let data = Data(text.utf8)
        try data.write(to: url)
        return data.count
    }

    private static func feed(title: String, link: String, items: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
        xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
        <channel><title>\(title)</title><link>\(link)</link><description>Synthetic</description>
        \(items)</channel></rss>

        """
    }

    private static func paragraphs(_ seed: Int, count: Int) -> String {
        let words = ["terminal", "reader", "comment", "thread", "offline", "cache", "feed", "sync", "post", "reply"]
        return (0..<count).map { index in
            let sentence = (0..<40).map { words[(seed &* 31 &+ index &* 7 &+ $0) % words.count] }.joined(separator: " ")
            return "<p>\(sentence) &amp; <em>more</em>.</p>"
        }.joined(separator: "\n")
    }
}
