import BlogFormats
import Foundation
import XCTest

/// Which documents are feeds: the root element decides, or the Atom feed an XHTML page wraps.
final class FeedSniffingTests: XCTestCase {
    /// The shape of feedjira's DuplicateContentAtomFeed.xml: a blog's Atom feed served inside an
    /// XHTML page, with the XHTML doctype in front.
    private let pageWithFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml">
          <body>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title type="html">Avian&#8217;s Blog</title>
              <link rel="alternate" type="text/html" href="http://blog.example/" />
              <link rel="self" type="application/atom+xml" href="http://blog.example/atom.xml" />
              <id>http://blog.example/</id>
              <author><name>Tomaž</name></author>
              <entry>
                <title type="text">Down time</title>
                <link rel="alternate" type="text/html" href="http://blog.example/down_time/" />
                <id>http://blog.example/down_time/</id>
                <updated>2014-07-21T21:14:39+02:00</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Two switches &amp; one transient.</p></div></content>
              </entry>
              <entry>
                <title type="text">Kickstarting failure</title>
                <id>http://blog.example/kickstarting_failure/</id>
                <updated>2014-07-17T12:54:57+02:00</updated>
              </entry>
            </feed>
          </body>
        </html>
        """

    func testAnAtomFeedInsideAnXHTMLPageIsRead() throws {
        // Given the page, When it is read as a feed
        let feed = try FeedParser().parse(data: Data(pageWithFeed.utf8), sourceName: "page.xml")
        // Then its feed's title, address and both entries come out as from a bare feed
        XCTAssertEqual(feed.kind, .atom)
        XCTAssertEqual(feed.title, "Avian’s Blog")
        XCTAssertEqual(feed.selfURL, "http://blog.example/atom.xml")
        XCTAssertEqual(feed.items.map(\.post.title), ["Down time", "Kickstarting failure"])
        XCTAssertEqual(feed.items.first?.post.author, "Tomaž")
        XCTAssertEqual(feed.items.first?.post.contentHTML, "<p>Two switches &amp; one transient.</p>")
    }

    func testAnXHTMLPageWithoutAFeedIsNotAFeed() throws {
        let page = #"<html xmlns="http://www.w3.org/1999/xhtml"><body><p>hello</p></body></html>"#
        XCTAssertThrowsError(try FeedParser().parse(data: Data(page.utf8), sourceName: "page.xml")) { error in
            XCTAssertEqual((error as? FormatError)?.message, "not a feed (root element <html>)")
            XCTAssertEqual((error as? FormatError)?.line, 1)
        }
    }

    func testAnHTMLPageThatIsNotXMLIsNotAFeedRatherThanIllFormed() throws {
        // Given an everyday HTML page, whose void elements are never closed
        let page = "<html>\n<head><meta charset=utf-8><title>Blog</title></head>\n<body><br></body></html>"
        // Then what the user hears is that it is not a feed, not where the XML broke
        XCTAssertThrowsError(try FeedParser().parse(data: Data(page.utf8), sourceName: "page.html")) { error in
            XCTAssertEqual("\(error)", "page.html:1:6: not a feed (root element <html>)")
        }
    }

    func testAFeedInsideAPageThatBreaksAfterItStillFails() throws {
        // Well-formed XML from start to end is the condition: a broken page is not trusted
        let broken = pageWithFeed.replacingOccurrences(of: "</body>", with: "</bdy>")
        XCTAssertThrowsError(try FeedParser().parse(data: Data(broken.utf8), sourceName: "page.xml"))
    }
}

/// The byte-level test a fetched body passes before it is parsed as a feed.
final class FeedSniffingHeadTests: XCTestCase {
    private func looksLikeFeed(_ text: String) -> Bool { FeedSniffingHead.looksLikeFeed(Data(text.utf8)) }

    func testFeedRootsAfterAPrologAreFeeds() {
        XCTAssertTrue(looksLikeFeed("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"))
        XCTAssertTrue(looksLikeFeed("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        XCTAssertTrue(looksLikeFeed("  <RDF:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"))
        XCTAssertFalse(looksLikeFeed("<!DOCTYPE html><html><head><title>Blog</title></head>"))
    }

    func testAnXHTMLPageWrappingAnAtomFeedIsAFeed() {
        let page = """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml">
            <body>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed></body></html>
            """
        XCTAssertTrue(looksLikeFeed(page))
        // But a page merely mentioning a feed, or one with a feed of another vocabulary, is not
        XCTAssertFalse(looksLikeFeed(#"<html><body><p>subscribe to our <a href="/feed">feed</a></p></body></html>"#))
        XCTAssertFalse(looksLikeFeed(#"<html><body><feedback xmlns="http://www.w3.org/2005/Atom"/></body></html>"#))
    }

    func testUTF16AndUTF32BodiesAreRead() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel/></rss>"
        let littleEndian = Data([0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let bigEndianNoMark = Data(xml.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        let utf32 = Data(xml.unicodeScalars.flatMap { [UInt8($0.value & 0xFF), 0, 0, 0] })
        XCTAssertTrue(FeedSniffingHead.looksLikeFeed(littleEndian))
        XCTAssertTrue(FeedSniffingHead.looksLikeFeed(bigEndianNoMark))
        XCTAssertTrue(FeedSniffingHead.looksLikeFeed(utf32))
    }
}
