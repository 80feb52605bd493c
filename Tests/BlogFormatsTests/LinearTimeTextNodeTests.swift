import BlogModel
import Foundation
import XCTest

@testable import BlogFormats

/// One huge text node in each field an import reads: every byte arrives, in order, whatever
/// the size. (How fast is `lectern-bench textnode`'s business; these only check results.)
final class LinearTimeTextNodeTests: XCTestCase {
    private static let megabytes = 3

    /// `first`, then `fill` repeated to `count` bytes in all, then `last`.
    private func node(_ first: String, _ fill: String, _ last: String, count: Int) -> String {
        let repeats = (count - first.utf8.count - last.utf8.count) / fill.utf8.count
        return first + String(repeating: fill, count: repeats) + last
    }

    private func export(title: String = "A post", content: String = "<p>Body</p>", comment: String = "Nice.") -> String
    {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
          xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Blog</title><link>https://blog.example</link>
        <item><title>\(title)</title><link>https://blog.example/?p=1</link>
        <content:encoded><![CDATA[\(content)]]></content:encoded><wp:post_id>1</wp:post_id>
        <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
        <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Reader</wp:comment_author>
        <wp:comment_content><![CDATA[\(comment)]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>
        </wp:comment></item></channel></rss>
        """
    }

    private func parseExport(_ xml: String) throws -> WXRItem {
        var items: [WXRItem] = []
        try WXRParser().parse(
            data: Data(xml.utf8), sourceName: "big.xml", onChannel: { _ in }, onItem: { items.append($0) })
        return try XCTUnwrap(items.first)
    }

    private func assertSameEnds(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line)
    {
        XCTAssertEqual(text.utf8.count, expected.utf8.count, file: file, line: line)
        XCTAssertEqual(text.first, expected.first, file: file, line: line)
        XCTAssertEqual(text.last, expected.last, file: file, line: line)
        XCTAssertTrue(text == expected, "text differs", file: file, line: line)
    }

    func testHugeExportBodyAndCommentArriveWhole() throws {
        // Given an export whose body and comment are each one CDATA section of megabytes
        let body = node("<p>B", "A", "Z</p>", count: Self.megabytes << 20)
        let comment = node("C", "words and é ", "Y", count: Self.megabytes << 20)
        // When it is parsed
        let item = try parseExport(export(content: body, comment: comment))
        // Then both are there byte for byte
        assertSameEnds(item.post.contentHTML, body)
        assertSameEnds(try XCTUnwrap(item.comments.first).contentHTML, comment)
    }

    func testHugeExportTitleBecomesItsPlainText() throws {
        // Given a title of megabytes, with the entities and spacing WordPress titles carry
        let fill = "caf&amp;eacute; &amp;lt;b&amp;gt;  "
        let title = node("T", fill, "Z", count: Self.megabytes << 20)
        // When it is parsed
        let item = try parseExport(export(title: title))
        // Then it is the decoded text, whitespace collapsed
        let repeats = ((Self.megabytes << 20) - 2) / fill.utf8.count
        let expected = "T" + String(repeating: "café <b> ", count: repeats) + "Z"
        assertSameEnds(item.post.title, expected)
    }

    func testHugeBodyGivesItsPlainTextAndRichText() throws {
        // Given a body of megabytes of prose: paragraphs, line breaks, entities, links
        let sentence = "Words &amp; more, <em>some</em> <a href=\"/p/1\">link</a> here\n"
        let paragraph = String(repeating: sentence, count: 9) + "\n"
        let count = (Self.megabytes << 20) / paragraph.utf8.count
        let html = "First " + String(repeating: paragraph, count: count) + "Last"
        // When it is made plain text (as the import does) and rich text (as the reader does)
        let plain = HTMLConverter.plainText(fromHTML: html)
        let rich = HTMLConverter.richText(fromHTML: html, baseURL: "https://blog.example/post/")
        // Then every word is there, in order
        let words = "Words & more, some link here"
        let expected = "First " + Array(repeating: words, count: count * 9).joined(separator: " ") + " Last"
        assertSameEnds(plain, expected)
        XCTAssertEqual(rich.blocks.count, count + 1)
        XCTAssertEqual(rich.links, ["https://blog.example/p/1"])
        guard case .paragraph(let first) = rich.blocks.first, case .paragraph(let last) = rich.blocks.last else {
            return XCTFail("paragraphs expected")
        }
        XCTAssertEqual(first.first?.text, "First Words & more, ")
        XCTAssertEqual(last.map(\.text).joined(), "Last")
    }

    func testHugeFeedTitleDescriptionAndContentArriveWhole() throws {
        // Given an RSS item whose title, description and content are each megabytes long
        let title = node("T", "A ", "Z", count: Self.megabytes << 20)
        let description = node("D", "d &amp; ", "E", count: Self.megabytes << 20)
        let content = node("<p>C", "c ", "Y</p>", count: Self.megabytes << 20)
        let xml = """
            <?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Feed</title><link>https://feed.example/</link><item><title>\(title)</title>
            <link>https://feed.example/1</link><description>\(description)</description>
            <content:encoded><![CDATA[\(content)]]></content:encoded></item></channel></rss>
            """
        // When it is parsed
        let feed = try FeedParser().parse(data: Data(xml.utf8), sourceName: "feed.xml")
        // Then each field is whole
        let post = try XCTUnwrap(feed.items.first).post
        assertSameEnds(post.title, title)
        assertSameEnds(post.excerptHTML, description.replacingOccurrences(of: "&amp;", with: "&"))
        assertSameEnds(post.contentHTML, content)
    }

    func testCDATAOverTenMegabytesIsRead() throws {
        // Given a comment body past libxml2's 10 MB limit for one CDATA section
        let comment = node("C", "0123456789", "Y", count: 12 << 20)
        // When the export is parsed
        let item = try parseExport(export(comment: comment))
        // Then the reader's section cuts make it arrive whole
        assertSameEnds(try XCTUnwrap(item.comments.first).contentHTML, comment)
    }

    func testOverlongCommentIsRefusedInWords() throws {
        // Given an XML comment past libxml2's 10 MB limit for one token
        let xml = "<r><!--" + String(repeating: "x", count: 11 << 20) + "--><t>a</t></r>"
        // When it is read, then the error says what is too long, and where
        XCTAssertThrowsError(try makeRecorder(parsing: xml, source: "long.xml")) { error in
            let error = error as? FormatError
            XCTAssertEqual(error?.source, "long.xml")
            XCTAssertEqual(error?.line, 1)
            XCTAssertEqual(
                error?.message, "a single tag, comment, CDATA section or processing instruction is longer than 10 MB")
        }
    }
}
