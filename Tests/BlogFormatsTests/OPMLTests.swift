import BlogFormats
import Foundation
import XCTest

/// Subscription lists: reading what other readers export, writing what they can import.
final class OPMLTests: XCTestCase {
    private func makeOutlines() -> [OPMLOutline] {
        [
            OPMLOutline(title: "Loose feed", xmlURL: "https://loose.example/feed"),
            OPMLOutline(
                title: "Tom & Jerry's \"Blog\" <1>", xmlURL: "https://a.example/feed?x=1&y=2",
                htmlURL: "https://a.example/", categoryPath: ["Tech", "Swift"]),
            OPMLOutline(title: "Second", xmlURL: "https://b.example/rss", categoryPath: ["Tech", "Swift"]),
            OPMLOutline(title: "Third", xmlURL: "https://c.example/atom", categoryPath: ["Tech"]),
            OPMLOutline(title: "Cooking", xmlURL: "https://d.example/feed", categoryPath: ["Life"]),
        ]
    }

    func testReadsNestedFoldersAndBothAttributeSpellings() throws {
        // Given an export with folders, a feed titled only by text, and a lower-case xmlurl
        let opml = """
            <?xml version="1.0"?>
            <opml version="1.0"><head><title>Subs</title></head><body>
              <outline text="News">
                <outline text="World" title="World">
                  <outline type="rss" text="Daily &amp; Co" xmlUrl="https://news.example/rss" htmlUrl="https://news.example/"/>
                </outline>
                <outline type="rss" title="Plain" xmlurl="https://plain.example/feed"/>
              </outline>
              <outline type="rss" text="Top" xmlUrl="https://top.example/atom"/>
              <outline text="Empty folder"/>
            </body></opml>
            """
        // When it is parsed
        let outlines = try OPMLParser.parse(data: Data(opml.utf8), sourceName: "subs.opml")
        // Then every feed is found with its folder path
        XCTAssertEqual(
            outlines,
            [
                OPMLOutline(
                    title: "Daily & Co", xmlURL: "https://news.example/rss", htmlURL: "https://news.example/",
                    categoryPath: ["News", "World"]),
                OPMLOutline(title: "Plain", xmlURL: "https://plain.example/feed", categoryPath: ["News"]),
                OPMLOutline(title: "Top", xmlURL: "https://top.example/atom"),
            ])
    }

    func testWrittenDocumentReadsBackTheSame() throws {
        let document = OPMLWriter.document(title: "Lectern & friends", outlines: makeOutlines())
        XCTAssertTrue(document.contains("<title>Lectern &amp; friends</title>"))
        XCTAssertTrue(document.contains(#"xmlUrl="https://a.example/feed?x=1&amp;y=2""#))
        XCTAssertTrue(document.contains(#"Tom &amp; Jerry's &quot;Blog&quot; &lt;1&gt;"#))
        let readBack = try OPMLParser.parse(data: Data(document.utf8), sourceName: "written.opml")
        XCTAssertEqual(readBack, makeOutlines())
    }

    func testControlCharactersAreDroppedSoTheDocumentStaysWellFormed() throws {
        let outlines = [OPMLOutline(title: "Bell\u{7}\u{1B}[31m", xmlURL: "https://x.example/feed")]
        let document = OPMLWriter.document(title: "t", outlines: outlines)
        let readBack = try OPMLParser.parse(data: Data(document.utf8), sourceName: "written.opml")
        XCTAssertEqual(readBack.first?.title, "Bell[31m")
    }

    func testAFeedIsNotAnOPMLDocument() throws {
        XCTAssertThrowsError(try OPMLParser.parse(data: Data("<rss><channel/></rss>".utf8), sourceName: "x.xml")) {
            error in
            XCTAssertEqual((error as? FormatError)?.message, "not an OPML document (root element <rss>)")
        }
        XCTAssertThrowsError(try OPMLParser.parse(data: Data("<opml><body>".utf8), sourceName: "x.opml")) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("x.opml:1:"), String(describing: error))
        }
    }
}
