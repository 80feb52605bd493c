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
        // A limit of the XML reader rather than of feed reading: a parameter entity reference to
        // an external DTD.
        let readerLimits: Set<String> = [
            "kurtmckee__feedparser/tests/wellformed/rdf/doctype_contains_entity_decl.xml"
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

    /// Every feed of the index whose bytes are not what it declares (or declares nothing and
    /// is not UTF-8), and whose only fault that is: other readers recover these, and so must we.
    func testEveryCorpusFeedInAnotherEncodingThanItSaysIsReadInFull() throws {
        // Given the files the index marks not-UTF-8, or that a strict parser could not decode
        let root = try corpusFolder("")
        let index = try String(contentsOf: root.appendingPathComponent("INDEX.tsv"), encoding: .utf8)
        var failures: [String] = []
        var parsed = 0
        for line in index.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            // Ampersand.xml is not-UTF-8 as declared Latin-1 holding UTF-8 (read as declared),
            // but it fails for a bare `&`, which is not an encoding fault.
            guard columns.count > 6, ["feed", "rss", "rdf:RDF"].contains(columns[2]),
                !columns[0].hasSuffix("/Ampersand.xml"),
                columns[6].contains("not-utf8") || columns[5].contains("multi-byte_encodings")
                    || columns[5].contains("unknown_encoding")
            else { continue }
            // When each is parsed
            do {
                _ = try FeedParser().parse(fileAtPath: root.appendingPathComponent(columns[0]).path)
                parsed += 1
            } catch {
                failures.append("\(error)")
            }
        }
        // Then none fails
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThanOrEqual(parsed, 18)
    }

    func testFeedparserBozoFilesAreRecovered() throws {
        let folder = feedparser + "encoding/"
        // Invalid UTF-8 in a UTF-8 document: U+FFFD, the rest intact
        let linenoise = try parse(folder + "bozo_linenoise.xml")
        XCTAssertEqual(linenoise.items.first?.post.excerptHTML.trimmedForTest, "\u{2019}<>\u{201D}\u{FFFD}")
        // A BOM, then a byte that starts no UTF-8 sequence, and a file cut inside `</rss>`
        let withBOM = try parse(folder + "bozo_invalid-bytes-with-bom.xml")
        XCTAssertEqual(withBOM.title, "Valid UTF8: \u{468}Invalid UTF8: Espa\u{FFFD}a")
        // No declaration and not UTF-8: windows-1252
        let mismatch = try parse(folder + "bozo_encoding_mismatch_crash.xml")
        XCTAssertEqual(
            mismatch.items.first?.post.excerptHTML, #"<a href="http://www.example.com/">¤</a><a href="&#38;"></a>"#)
        // An encoding nobody knows, entities in double-encoded HTML, HTTP-only troubles
        for name in [
            "bozo_bogus_encoding", "bozo_double-encoded-html", "bozo_http_i18n", "bozo_http_text_plain",
            "bozo_http_text_plain_charset",
        ] {
            XCTAssertNoThrow(try parse(folder + name + ".xml"), name)
        }
        XCTAssertEqual(try parse(folder + "bozo_http_i18n.xml").title, "Iñtërnâtiônàlizætiøn")
    }

    func testHTTPCharsetFromTheHeaderOverridesTheFile() throws {
        // Given a windows-1252 feed that declares nothing, served with its charset
        let url = try corpusFolder(feedparser + "encoding/http_text_xml_charset_2.xml")
        let feed = try FeedParser().parse(
            data: Data(contentsOf: url), sourceName: url.path, contentType: "text/xml; charset=windows-1252")
        // Then its pound sign and smart quotes read right
        XCTAssertEqual(feed.items.first?.post.excerptHTML, "This is a \u{A3}\u{201C}test.\u{201D}")
    }

    func testUndeclaredUTF16AndUTF32AreDetectedFromTheirBytes() throws {
        for name in [
            "utf-16be-autodetect", "utf-16le-autodetect", "utf-32be-autodetect", "utf-32le-autodetect",
            "utf-32be-bom", "utf-32le-bom",
        ] {
            XCTAssertEqual(try parse(feedparser + "encoding/\(name).xml").kind, .rss2, name)
        }
        XCTAssertNoThrow(try parse("simplepie__simplepie/tests/data/feed-utf16le.xml"))
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
            feedparser + "wellformed/base/http_item_wfw_commentRSS_base_content_location.xml",
            base: "http://example.com/")
        XCTAssertEqual(feed.items.first?.post.commentFeedURL, "http://example.com/relative/uri")
    }

    func testBloggerThreadingNamesThePostItAnswers() throws {
        let feed = try parse(feedparser + "wellformed/namespace/atomthreadingwithentry.xml")
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(
            item.inReplyTo,
            [
                .init(
                    ref: "tag:blogger.com,1999:blog-893591374313312737.post-3861663258538857954",
                    href: "http://salmon-test.blogspot.com/2009/10/test-post.html")
            ])
        XCTAssertEqual(item.post.author, "John")
        XCTAssertEqual(
            feed.selfURL, "http://www.blogger.com/feeds/893591374313312737/3861663258538857954/comments/default")
        let comment = item.asComment()
        XCTAssertNil(comment.parentSourceID, "a reply to the post itself")
        XCTAssertEqual(comment.sourceID, "tag:blogger.com,1999:blog-893591374313312737.post-4788628857625737701")
        XCTAssertEqual(
            comment.contentHTML, #"bloffo bliff by <a href="http://example.org/profile/te..." rel="nofollow">te...</a>"#
        )
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
        // Given a feed cut inside a CDATA section (after a misplaced XML declaration)
        let path = try corpusFolder(feedparser + "illformed/rss_incomplete_cdata.xml").path
        XCTAssertThrowsError(try FeedParser().parse(fileAtPath: path)) { error in
            let formatError = error as? FormatError
            XCTAssertEqual(formatError?.source, path)
            XCTAssertEqual(formatError?.line, 13)
            XCTAssertGreaterThan(formatError?.column ?? 0, 0)
            XCTAssertTrue(formatError?.message.contains("cut short") == true, "\(error)")
        }
    }

    func testAFeedMissingOnlyTheLastCharacterOfItsEndTagIsRead() throws {
        // Given a feed that ends `</rss` without `>`: nothing of it is lost
        let feed = try parse(feedparser + "illformed/aaa_illformed.xml")
        XCTAssertEqual(feed.kind, .rss2)
    }

    func testEmptyFileIsAnError() throws {
        let path = try corpusFolder("newsboat__newsboat/test/data/empty.xml").path
        XCTAssertThrowsError(try FeedParser().parse(fileAtPath: path)) { error in
            XCTAssertTrue(error is FormatError)
        }
    }
}

extension String {
    fileprivate var trimmedForTest: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
