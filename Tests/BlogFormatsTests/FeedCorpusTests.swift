import BlogFormats
import BlogModel
import Foundation
import XCTest

/// Real feeds from other readers' test suites (feedparser, gofeed, FeedKit, SimplePie, newsboat).
final class FeedCorpusTests: XCTestCase {
    private func parse(_ relative: String, base: String? = nil) throws -> ParsedFeed {
        let path = try corpusFolder(relative).path
        return try FeedParser().parse(fileAtPath: path, baseURL: base.flatMap(URL.init(string:)))
    }

    private let feedparser = "kurtmckee__feedparser/tests/"

    func testEveryWellFormedCorpusFeedParses() throws {
        // Given every feed the index marks as well-formed XML
        let root = try corpusFolder("")
        let index = try String(contentsOf: root.appendingPathComponent("INDEX.tsv"), encoding: .utf8)
        // Limits of the XML reader rather than of feed reading: a parameter entity reference to
        // an external DTD, and UTF-16 without a byte order mark or declaration.
        let readerLimits: Set<String> = [
            "kurtmckee__feedparser/tests/wellformed/rdf/doctype_contains_entity_decl.xml",
            "simplepie__simplepie/tests/data/feed-utf16be.xml",
            "simplepie__simplepie/tests/data/feed-utf16le.xml",
        ]
        var parsed = 0
        var failures: [String] = []
        for line in index.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count > 5, ["feed", "rss", "rdf:RDF"].contains(columns[2]), columns[5] == "ok",
                !readerLimits.contains(columns[0])
            else { continue }
            // When each is parsed
            do {
                _ = try FeedParser().parse(fileAtPath: root.appendingPathComponent(columns[0]).path, baseURL: nil)
                parsed += 1
            } catch {
                failures.append("\(error)")
            }
        }
        // Then none fails
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThan(parsed, 500)
    }

    func testAtom03EntryContentInheritsTheNearestBase() throws {
        let feed = try parse(feedparser + "wellformed/base/entry_content_xml_base_inherit_3.xml")
        XCTAssertEqual(feed.kind, .atom)
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.post.contentHTML, #"Example <a href="http://example.com/test/test.html">test</a>"#)
        XCTAssertEqual(item.post.excerptHTML, "blah blah blah")
    }

    func testRelativeBasesChainUpToTheDocumentAddress() throws {
        let feed = try parse(feedparser + "wellformed/base/http_relative_xml_base_2.xml", base: "http://example.com/")
        // feed/base/ → /entry/base/ → ../ gives http://example.com/entry/ for the title's link.
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.post.title, "Example test")
    }

    func testCommentRSSSpellingResolvesAgainstTheDocumentAddress() throws {
        let feed = try parse(
            feedparser + "wellformed/base/http_item_wfw_commentRSS_base_content_location.xml", base: "http://example.com/")
        XCTAssertEqual(feed.items.first?.post.commentFeedURL, "http://example.com/relative/uri")
    }

    func testBloggerThreadingNamesThePostItAnswers() throws {
        let feed = try parse(feedparser + "wellformed/namespace/atomthreadingwithentry.xml")
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(
            item.inReplyTo,
            [.init(ref: "tag:blogger.com,1999:blog-893591374313312737.post-3861663258538857954",
                   href: "http://salmon-test.blogspot.com/2009/10/test-post.html")])
        XCTAssertEqual(item.post.author, "John")
        XCTAssertEqual(feed.selfURL, "http://www.blogger.com/feeds/893591374313312737/3861663258538857954/comments/default")
        let comment = item.asComment()
        XCTAssertNil(comment.parentSourceID, "a reply to the post itself")
        XCTAssertEqual(comment.sourceID, "tag:blogger.com,1999:blog-893591374313312737.post-4788628857625737701")
        XCTAssertEqual(comment.contentHTML, #"bloffo bliff by <a href="http://example.org/profile/te..." rel="nofollow">te...</a>"#)
    }

    func testRSS1WithoutDefaultNamespace() throws {
        let feed = try parse(feedparser + "wellformed/namespace/rss1.0withModulesNoDefNS.xml")
        XCTAssertEqual(feed.kind, .rss1)
        XCTAssertEqual(feed.title, "RSS Tests - RSS 1.0 no Default NS")
        XCTAssertEqual(feed.language, "en-gb")
        XCTAssertEqual(feed.items.first?.post.title, "Test Item - RSS 1.0 no Default NS")
    }

    func testRSS2InTheUserLandNamespace() throws {
        let feed = try parse(feedparser + "wellformed/namespace/rss2.0NSwithModules.xml")
        XCTAssertEqual(feed.kind, .rss2)
        XCTAssertEqual(feed.items.first?.post.title, "Test Item - RSS2.0 w/ NS")
    }

    func testAtom03Base64AndEscapedContent() throws {
        let base64 = try parse(feedparser + "wellformed/atom/entry_content_mode_base64.xml")
        XCTAssertEqual(base64.items.first?.post.contentHTML, "<p>Example &lt;b&gt;Atom&lt;/b&gt;</p>")
        let escaped = try parse(feedparser + "wellformed/atom/entry_content_mode_escaped.xml")
        XCTAssertEqual(escaped.items.first?.post.contentHTML, "Example <b>Atom</b>")
    }

    func testDeclaredLegacyEncodingIsDecoded() throws {
        let feed = try parse(feedparser + "encoding/euc-kr-item.xml")
        XCTAssertEqual(feed.items.first?.post.excerptHTML, "\u{B144}")
    }

    func testRSSAuthorsWithBrackets() throws {
        let feed = try parse("newsboat__newsboat/test/data/rss_091_with_bracket_author.xml")
        XCTAssertEqual(feed.items.map(\.post.author), ["Author name)", "Author", "Author (name)"])
        XCTAssertEqual(feed.items[1].authorEmail, "email@example.com")
    }

    func testIllFormedFeedReportsWhereItBroke() throws {
        let path = try corpusFolder(feedparser + "illformed/aaa_illformed.xml").path
        XCTAssertThrowsError(try FeedParser().parse(fileAtPath: path)) { error in
            let formatError = error as? FormatError
            XCTAssertEqual(formatError?.source, path)
            XCTAssertEqual(formatError?.line, 6)
            XCTAssertGreaterThan(formatError?.column ?? 0, 0)
        }
    }

    func testEmptyFileIsAnError() throws {
        let path = try corpusFolder("newsboat__newsboat/test/data/empty.xml").path
        XCTAssertThrowsError(try FeedParser().parse(fileAtPath: path)) { error in
            XCTAssertTrue(error is FormatError)
        }
    }
}
