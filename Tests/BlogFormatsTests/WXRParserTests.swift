import BlogFormats
import BlogModel
import Foundation
import XCTest

final class WXRParserTests: XCTestCase {
    private func parse(_ xml: String, source: String = "export.xml") throws -> (WXRChannel?, [WXRItem]) {
        var channel: WXRChannel?
        var items: [WXRItem] = []
        try WXRParser().parse(
            data: Data(xml.utf8), sourceName: source,
            onChannel: {
                XCTAssertTrue(items.isEmpty, "channel must come before the first item")
                channel = $0
            }, onItem: { items.append($0) })
        return (channel, items)
    }

    private func parseFile(_ url: URL) throws -> (WXRChannel?, [WXRItem]) {
        var channel: WXRChannel?
        var items: [WXRItem] = []
        try WXRParser().parse(fileAtPath: url.path, onChannel: { channel = $0 }, onItem: { items.append($0) })
        return (channel, items)
    }

    private let header = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
          xmlns:content="http://purl.org/rss/1.0/modules/content/"
          xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>My Blog</title><link>https://blog.example</link>
        <description>About things</description><language>en-GB</language>
        <wp:base_site_url>https://example</wp:base_site_url><wp:base_blog_url>https://blog.example</wp:base_blog_url>
        <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[ann]]></wp:author_login>
        <wp:author_email>ann@example</wp:author_email><wp:author_display_name><![CDATA[Ann Author]]></wp:author_display_name></wp:author>
        <wp:category><wp:term_id>2</wp:term_id><wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category>
        <wp:tag><wp:term_id>3</wp:term_id><wp:tag_name><![CDATA[swift]]></wp:tag_name></wp:tag>
        """

    private let item = """
        <item><title>Hello</title><link>https://blog.example/hello/</link>
        <pubDate>Thu, 05 Jan 2012 14:30:46 +0000</pubDate><dc:creator><![CDATA[ann]]></dc:creator>
        <guid isPermaLink="false">https://blog.example/?p=7</guid>
        <content:encoded><![CDATA[<p>Body ]]]]><![CDATA[> end</p>]]></content:encoded>
        <excerpt:encoded><![CDATA[Short]]></excerpt:encoded>
        <wp:post_id>7</wp:post_id><wp:post_date_gmt>2012-01-05 14:30:46</wp:post_date_gmt>
        <wp:comment_status>closed</wp:comment_status><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
        <category domain="category" nicename="news"><![CDATA[News]]></category>
        <category domain="post_tag" nicename="swift"><![CDATA[swift]]></category>
        <wp:postmeta><wp:meta_key>k</wp:meta_key><wp:meta_value><![CDATA[<wp:comment_id>x]]></wp:meta_value></wp:postmeta>
        <wp:comment><wp:comment_id>11</wp:comment_id><wp:comment_author><![CDATA[Bob]]></wp:comment_author>
        <wp:comment_author_email>bob@example</wp:comment_author_email><wp:comment_author_url>https://bob.example</wp:comment_author_url>
        <wp:comment_date>2012-01-06 10:00:00</wp:comment_date><wp:comment_date_gmt>2012-01-06 09:00:00</wp:comment_date_gmt>
        <wp:comment_content><![CDATA[First!]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>
        <wp:comment_type></wp:comment_type><wp:comment_parent>0</wp:comment_parent>
        <wp:comment_user_id>3</wp:comment_user_id></wp:comment>
        <wp:comment><wp:comment_id>12</wp:comment_id><wp:comment_date_gmt>0000-00-00 00:00:00</wp:comment_date_gmt>
        <wp:comment_date>2012-01-07 10:00:00</wp:comment_date>
        <wp:comment_approved>spam</wp:comment_approved><wp:comment_type>pingback</wp:comment_type>
        <wp:comment_parent>11</wp:comment_parent></wp:comment>
        </item>
        """

    func testChannelAndItemAreMappedOntoTheModel() throws {
        let (channel, items) = try parse(header + item + "</channel></rss>")
        let expectedChannel = { () -> WXRChannel in
            var c = WXRChannel()
            c.title = "My Blog"
            c.link = "https://blog.example"
            c.description = "About things"
            c.language = "en-GB"
            c.baseSiteURL = "https://example"
            c.baseBlogURL = "https://blog.example"
            c.authors = [WXRAuthor(login: "ann", displayName: "Ann Author", email: "ann@example", id: 1)]
            c.categories = ["News"]
            c.tags = ["swift"]
            return c
        }()
        XCTAssertEqual(channel, expectedChannel)
        XCTAssertEqual(items.count, 1)
        let post = items[0].post
        XCTAssertEqual(post.sourceID, "7")
        XCTAssertEqual(post.remotePostID, 7)
        XCTAssertEqual(post.author, "Ann Author")
        XCTAssertEqual(post.authorUserID, 1, "wp:author_id of the item's dc:creator")
        XCTAssertEqual(post.contentHTML, "<p>Body ]]> end</p>")
        XCTAssertEqual(post.excerptHTML, "Short")
        XCTAssertEqual(post.categories, ["News"])
        XCTAssertEqual(post.tags, ["swift"])
        XCTAssertFalse(post.commentsOpen)
        XCTAssertEqual(post.published, FeedDate.parse("2012-01-05T14:30:46Z"))
        XCTAssertEqual(items[0].postType, "post")
        XCTAssertEqual(items[0].status, "publish")
        XCTAssertEqual(
            items[0].comments,
            [
                Comment(
                    sourceID: "11", author: "Bob", authorEmail: "bob@example", authorURL: "https://bob.example",
                    published: FeedDate.parse("2012-01-06T09:00:00Z"), contentHTML: "First!", kind: .comment,
                    status: .approved, authorUserID: 3),
                Comment(
                    sourceID: "12", parentSourceID: "11", published: FeedDate.parse("2012-01-07T10:00:00Z"),
                    kind: .pingback, status: .spam),
            ])
    }

    func testTruncatedMidItemReportsLineAndColumn() throws {
        let text = header + item.prefix(400)
        XCTAssertThrowsError(try parse(String(text), source: "cut.xml")) { error in
            let formatError = error as? FormatError
            XCTAssertEqual(formatError?.source, "cut.xml")
            XCTAssertGreaterThan(formatError?.line ?? 0, 10)
            XCTAssertGreaterThan(formatError?.column ?? 0, 0)
        }
    }

    func testDraftDatesAreNil() throws {
        let draft = item.replacingOccurrences(of: "2012-01-05 14:30:46", with: "0000-00-00 00:00:00")
            .replacingOccurrences(of: "Thu, 05 Jan 2012 14:30:46 +0000", with: "Wed, 30 Nov -0001 00:00:00 +0000")
        let (_, items) = try parse(header + draft + "</channel></rss>")
        XCTAssertNil(items.first?.post.published)
    }

    func testEveryWordPressImporterFixture() throws {
        let folder = try corpusFolder("WordPress__wordpress-importer")
        let malformed: Set = ["malformed.xml", "malformed-simple.xml", "crazy-cdata.xml"]
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xml" }
        XCTAssertGreaterThan(files.count, 20)
        for file in files {
            if malformed.contains(file.lastPathComponent) {
                XCTAssertThrowsError(try parseFile(file), file.lastPathComponent) { error in
                    let formatError = error as? FormatError
                    XCTAssertGreaterThan(formatError?.line ?? 0, 0, "\(error)")
                    XCTAssertTrue("\(error)".hasPrefix(file.path + ":"))
                }
            } else {
                XCTAssertNoThrow(try parseFile(file), file.lastPathComponent)
            }
        }
    }

    func testThemeUnitTestData() throws {
        let file = try corpusFolder("WordPress__wordpress-importer").appendingPathComponent(
            "phpunit/data/theme-unit-test-data.xml")
        let (channel, items) = try parseFile(file)
        XCTAssertFalse(channel?.authors.isEmpty ?? true)
        XCTAssertGreaterThan(items.count, 10)
        let posts = items.filter { $0.postType == "post" && $0.status == "publish" }
        XCTAssertGreaterThan(posts.count, 5)
        let threaded = items.flatMap(\.comments).filter { $0.parentSourceID != nil }
        XCTAssertFalse(threaded.isEmpty)
    }

    func testCDATAFixtures() throws {
        let folder = try corpusFolder("WordPress__wordpress-importer/phpunit/data")
        let (_, multi) = try parseFile(folder.appendingPathComponent("multiple-cdata.xml"))
        XCTAssertEqual(multi.first?.post.contentHTML, "\nline oneline twoline three\n")
        let (_, edge) = try parseFile(folder.appendingPathComponent("cdata-edge.xml"))
        XCTAssertEqual(edge.first?.post.contentHTML, "ends with sequence ]] >")
    }

    func testNamespaceEdgeCasesIgnoreForeignAuthors() throws {
        let folder = try corpusFolder("WordPress__wordpress-importer/phpunit/data")
        let (channel, _) = try parseFile(folder.appendingPathComponent("namespace-edge-cases.xml"))
        let logins = channel?.authors.map(\.login) ?? []
        XCTAssertTrue(logins.contains("real_user"))
        XCTAssertFalse(logins.contains("fake_ns_user"))
        XCTAssertFalse(logins.contains("custom_user"))
    }
}
