import BlogFormats
import BlogModel
import Foundation
import XCTest

/// Feed reading from small documents written here: what a subscriber would see of each item.
final class FeedParserTests: XCTestCase {
    private func parse(_ xml: String, base: String? = nil) throws -> ParsedFeed {
        try FeedParser().parse(data: Data(xml.utf8), sourceName: "test.xml", baseURL: base.flatMap(URL.init(string:)))
    }

    func testWordPressRSSItemMapsOntoAPost() throws {
        // Given a WordPress-style RSS 2.0 item with the usual modules
        let feed = try parse(
            """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
              xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
              xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel><title>Field Notes &amp; Fragments</title><link>https://blog.example.org</link>
              <atom:link href="https://blog.example.org/feed/" rel="self" type="application/rss+xml"/>
              <description>Essays</description><language>en-US</language>
              <image><title>Not the title</title><link>https://img.example</link></image>
              <item><title>It&#8217;s &lt;b&gt;bold&lt;/b&gt;</title>
                <link>https://blog.example.org/2024/01/hello/</link>
                <comments>https://blog.example.org/2024/01/hello/#comments</comments>
                <dc:creator><![CDATA[Ana Lima]]></dc:creator>
                <pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
                <category><![CDATA[Essays]]></category><category>Databases</category>
                <guid isPermaLink="false">https://blog.example.org/?p=42</guid>
                <description><![CDATA[Short&nbsp;version]]></description>
                <content:encoded><![CDATA[<p>Long ]]]]><![CDATA[> version</p>]]></content:encoded>
                <wfw:commentRss>https://blog.example.org/2024/01/hello/feed/</wfw:commentRss>
                <slash:comments>7</slash:comments>
              </item></channel></rss>
            """)
        // Then the channel and the item read as a reader expects
        XCTAssertEqual(feed.kind, .rss2)
        XCTAssertEqual(feed.title, "Field Notes & Fragments")
        XCTAssertEqual(feed.link, "https://blog.example.org")
        XCTAssertEqual(feed.selfURL, "https://blog.example.org/feed/")
        XCTAssertEqual(feed.language, "en-US")
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.post.sourceID, "https://blog.example.org/?p=42")
        XCTAssertEqual(item.post.title, "It\u{2019}s bold")
        XCTAssertEqual(item.post.author, "Ana Lima")
        XCTAssertEqual(item.post.published, Date(timeIntervalSince1970: 1_704_103_200))
        XCTAssertEqual(item.post.categories, ["Essays", "Databases"])
        XCTAssertEqual(item.post.contentHTML, "<p>Long ]]> version</p>")
        XCTAssertEqual(item.post.excerptHTML, "Short&nbsp;version", "CDATA is HTML source, kept as written")
        XCTAssertEqual(item.post.commentFeedURL, "https://blog.example.org/2024/01/hello/feed/")
        XCTAssertEqual(item.post.advertisedCommentCount, 7)
        XCTAssertEqual(item.commentLink, "https://blog.example.org/2024/01/hello/#comments")
        XCTAssertNil(item.wordpressCommentID)
    }

    func testRSSAuthorAddressGivesTheNameInParentheses() throws {
        let feed = try parse(
            """
            <rss version="0.92"><channel><item><author>ana@example.org (Ana Lima)</author>
            <link>/posts/1</link><description>Only a description</description></item></channel></rss>
            """, base: "https://example.org/feed.xml")
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.post.author, "Ana Lima")
        XCTAssertEqual(item.authorEmail, "ana@example.org")
        // A relative link resolves against the document address, and it is the identity.
        XCTAssertEqual(item.post.link, "https://example.org/posts/1")
        XCTAssertEqual(item.post.sourceID, "https://example.org/posts/1")
        // Without content:encoded the description is the body too.
        XCTAssertEqual(item.post.contentHTML, "Only a description")
    }

    func testRSS1ItemsAreSiblingsOfTheChannelAndIdentifiedByAbout() throws {
        let feed = try parse(
            """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel xmlns="http://purl.org/rss/1.0/" rdf:about="https://example.org/">
                <title>RDF Site</title><link>https://example.org/</link><description>D</description></channel>
              <image xmlns="http://purl.org/rss/1.0/"><title>Logo</title></image>
              <item xmlns="http://purl.org/rss/1.0/" rdf:about="https://example.org/a">
                <title>First</title><link>https://example.org/a.html</link>
                <dc:date>2002-09-28T20:01:19Z</dc:date><dc:subject>Tests</dc:subject><dc:creator>Simon</dc:creator></item>
            </rdf:RDF>
            """)
        XCTAssertEqual(feed.kind, .rss1)
        XCTAssertEqual(feed.title, "RDF Site")
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.post.sourceID, "https://example.org/a")
        XCTAssertEqual(item.post.link, "https://example.org/a.html")
        XCTAssertEqual(item.post.author, "Simon")
        XCTAssertEqual(item.post.categories, ["Tests"])
        XCTAssertEqual(item.post.published, FeedDate.parse("2002-09-28T20:01:19Z"))
    }

    func testAtomTextConstructsAndLinks() throws {
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:lang="fr">
              <title type="html">A &amp;amp; B</title><subtitle>Plain &lt;tag&gt;</subtitle>
              <link href="https://example.org/"/><link rel="self" href="https://example.org/atom"/>
              <author><name>Feed Author</name></author>
              <entry><id>tag:example.org,2024:1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hi <b>there</b></div></title>
                <link rel="alternate" type="text/html" href="https://example.org/1"/>
                <link rel="replies" type="application/atom+xml" href="https://example.org/1/comments" thr:count="3"/>
                <link rel="enclosure" href="https://example.org/1.mp3"/>
                <category term="tech" label="Technology"/><category term="misc"/>
                <updated>2024-02-02T00:00:00Z</updated>
                <content type="text">Line one &amp; two

            Second paragraph</content>
                <summary type="html">&lt;p&gt;Sum&lt;/p&gt;</summary>
                <source><title>Elsewhere</title><id>tag:other</id></source>
              </entry></feed>
            """)
        XCTAssertEqual(feed.kind, .atom)
        XCTAssertEqual(feed.title, "A & B")
        XCTAssertEqual(feed.description, "Plain <tag>")
        XCTAssertEqual(feed.link, "https://example.org/")
        XCTAssertEqual(feed.selfURL, "https://example.org/atom")
        XCTAssertEqual(feed.language, "fr")
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.post.sourceID, "tag:example.org,2024:1")
        XCTAssertEqual(item.atomID, "tag:example.org,2024:1")
        XCTAssertEqual(item.post.title, "Hi there")
        XCTAssertEqual(item.post.link, "https://example.org/1")
        XCTAssertEqual(item.post.author, "Feed Author", "an entry without author inherits the feed's")
        XCTAssertEqual(item.post.categories, ["Technology", "misc"])
        XCTAssertEqual(item.post.commentFeedURL, "https://example.org/1/comments")
        XCTAssertEqual(item.post.advertisedCommentCount, 3)
        XCTAssertEqual(item.post.published, FeedDate.parse("2024-02-02T00:00:00Z"), "updated stands in")
        XCTAssertEqual(item.post.contentHTML, "<p>Line one &amp; two</p>\n<p>Second paragraph</p>")
        XCTAssertEqual(item.post.excerptHTML, "<p>Sum</p>")
    }

    func testAtomXHTMLContentIsSerializedWithLinksResolvedAgainstNestedBases() throws {
        // Given bases that are relative to each other, and finally to the document address
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="feed/">
              <entry xml:base="/entry/base/"><id>urn:x</id>
                <link href="page.html"/>
                <content type="xhtml" xml:base="../"><div xmlns="http://www.w3.org/1999/xhtml">See <a href="test.html" title="a&quot;b">this</a> &amp; <img src="i.png"/><br/>end</div></content>
              </entry></feed>
            """, base: "http://example.com/doc/atom.xml")
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.post.link, "http://example.com/entry/base/page.html")
        XCTAssertEqual(
            item.post.contentHTML,
            #"See <a href="http://example.com/entry/test.html" title="a&quot;b">this</a> &amp; <img src="http://example.com/entry/i.png"><br>end"#
        )
    }

    func testRelativeLinksInsideHTMLContentFollowXMLBase() throws {
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.com/parent/">
              <entry><id>urn:y</id><content type="html" xml:base="http://example.com/test/">&lt;a href="test.html"&gt;t&lt;/a&gt; &lt;a href="http://other.example/x"&gt;o&lt;/a&gt; &lt;a href="#top"&gt;top&lt;/a&gt;</content></entry></feed>
            """)
        XCTAssertEqual(
            feed.items.first?.post.contentHTML,
            ##"<a href="http://example.com/test/test.html">t</a> <a href="http://other.example/x">o</a> <a href="#top">top</a>"##
        )
    }

    func testThreadedAtomCommentsBecomeCommentsWithParents() throws {
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
              <entry><id>https://b.example/?p=14#comment-42</id><author><name>Ana</name><uri>https://ana.example</uri></author>
                <published>2021-05-28T08:27:40Z</published><content type="html">&lt;p&gt;Top&lt;/p&gt;</content>
                <thr:in-reply-to ref="https://b.example/?p=14" href="https://b.example/post/"/></entry>
              <entry><id>https://b.example/?p=14#comment-43</id><author><name>Bo</name></author>
                <content type="html">&lt;p&gt;Reply&lt;/p&gt;</content>
                <thr:in-reply-to ref="https://b.example/?p=14#comment-42" href="https://b.example/post/#comment-42"/></entry>
            </feed>
            """)
        let comments = feed.items.map { $0.asComment() }
        XCTAssertEqual(comments.map(\.sourceID), ["42", "43"])
        XCTAssertEqual(comments.map(\.parentSourceID), [nil, "42"])
        XCTAssertEqual(comments[0].author, "Ana")
        XCTAssertEqual(comments[0].authorURL, "https://ana.example")
        XCTAssertEqual(comments[0].published, FeedDate.parse("2021-05-28T08:27:40Z"))
        XCTAssertEqual(comments[1].contentHTML, "<p>Reply</p>")
        XCTAssertEqual(
            feed.items[1].inReplyTo,
            [.init(ref: "https://b.example/?p=14#comment-42", href: "https://b.example/post/#comment-42")])
    }

    func testWordPressReplyPrefixNamesTheParentAndIsRemoved() throws {
        let feed = try parse(
            """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
              <item><link>https://b.example/p/#comment-5</link><guid isPermaLink="false">https://b.example/?p=10#comment-5</guid>
                <content:encoded><![CDATA[<p>In reply to <a href="https://b.example/p/#comment-2">Patricia</a>.</p>
            <p>Agreed.</p>]]></content:encoded></item>
              <item><guid isPermaLink="false">https://b.example/?p=10#comment-6</guid>
                <content:encoded><![CDATA[<p>In reply to nobody in particular.</p>]]></content:encoded></item>
            </channel></rss>
            """)
        let reply = try XCTUnwrap(feed.items.first).asComment()
        XCTAssertEqual(reply.sourceID, "5")
        XCTAssertEqual(reply.parentSourceID, "2")
        XCTAssertEqual(reply.contentHTML, "<p>Agreed.</p>")
        XCTAssertEqual(reply.kind, .comment)
        let plain = feed.items[1].asComment()
        XCTAssertNil(plain.parentSourceID)
        XCTAssertEqual(plain.contentHTML, "<p>In reply to nobody in particular.</p>")
    }

    func testReplyPrefixVariantsAndNamesWithOddWhiteSpace() throws {
        // Given replies whose prefix shares its paragraph, sits after blank lines or has no
        // paragraph at all, and authors whose names carry tabs, doubled or non-breaking spaces
        let feed = try parse(
            """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
              <item><guid isPermaLink="false">https://b.example/?p=10#comment-7</guid><dc:creator>Zoë\u{a0}Ann</dc:creator>
                <content:encoded><![CDATA[<p>In reply to <a href="https://b.example/p/#comment-5">Bo</a>.<br />
            Yes, and more.</p>]]></content:encoded></item>
              <item><guid isPermaLink="false">https://b.example/?p=10#comment-8</guid><dc:creator>  Ana \t  Lee </dc:creator>
                <content:encoded><![CDATA[

            In reply to <a href='https://b.example/p/#comment-7'>Zoë</a> <p>Quite.</p>]]></content:encoded></item>
              <item><guid isPermaLink="false">https://b.example/?p=10#comment-</guid><dc:creator>李 小龙</dc:creator>
                <content:encoded><![CDATA[<p>In reply to <a href="https://b.example/p/">the post</a>.</p>]]></content:encoded></item>
            </channel></rss>
            """)

        // Then each reply names its parent, the markup stays balanced, and names are collapsed
        let comments = feed.items.map { $0.asComment() }
        XCTAssertEqual(comments.map(\.parentSourceID), ["5", "7", nil])
        XCTAssertEqual(comments[0].contentHTML, "<p>Yes, and more.</p>")
        XCTAssertEqual(comments[1].contentHTML, "<p>Quite.</p>")
        XCTAssertEqual(comments[0].author, "Zoë Ann")
        XCTAssertEqual(comments[1].author, "Ana Lee")
        XCTAssertEqual(comments[2].author, "李 小龙")
        // A guid whose anchor has no digits is no WordPress comment id
        XCTAssertNil(feed.items[2].wordpressCommentID)
        XCTAssertEqual(comments[2].contentHTML, "<p>In reply to <a href=\"https://b.example/p/\">the post</a>.</p>")
    }

    func testLinkTypesAreMatchedWithoutRegardToTheirParameters() throws {
        // Given Atom links whose types carry parameters and capitals
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
              <title>T</title><id>urn:t</id><updated>2024-01-01T00:00:00Z</updated>
              <entry><id>urn:e1</id><title>E</title><updated>2024-01-01T00:00:00Z</updated>
                <link rel="alternate" type="text/plain" href="https://b.example/e1.txt"/>
                <link rel="alternate" type="Text/HTML; charset=utf-8" href="https://b.example/e1"/>
                <link rel="replies" type="application/atom+xml; charset=utf-8" href="https://b.example/e1/comments.atom" thr:count="3"/>
                <link rel="replies" type="text/html" href="https://b.example/e1#comments"/>
              </entry>
            </feed>
            """)
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.post.link, "https://b.example/e1")
        XCTAssertEqual(item.post.commentFeedURL, "https://b.example/e1/comments.atom")
        XCTAssertEqual(item.commentLink, "https://b.example/e1#comments")
    }

    func testACutShortOrEmptyDocumentSaysSo() throws {
        // libxml2 calls both "Extra content at the end of the document"
        XCTAssertThrowsError(try parse("<rss version=\"2.0\"><channel><title>T</title><item><title>A")) { error in
            let failure = error as? FormatError
            XCTAssertEqual(failure?.message, "the document ends with 4 elements still open (cut short?)")
            XCTAssertEqual(failure?.line, 1)
        }
        XCTAssertThrowsError(try parse("<!-- nothing here -->\n")) { error in
            XCTAssertEqual((error as? FormatError)?.message, "no root element: the document holds no XML elements")
        }
    }

    func testAnHTMLPageIsNotAFeed() throws {
        XCTAssertThrowsError(try parse("<html><head><title>Blog</title></head><body/></html>")) { error in
            XCTAssertEqual((error as? FormatError)?.message, "not a feed (root element <html>)")
            XCTAssertEqual((error as? FormatError)?.source, "test.xml")
        }
    }

    func testIllFormedInputNamesSourceLineAndColumn() throws {
        XCTAssertThrowsError(try parse("<rss><channel>\n<title>Broken</channel></rss>")) { error in
            let description = String(describing: error)
            XCTAssertTrue(description.hasPrefix("test.xml:2:"), description)
        }
    }
}
