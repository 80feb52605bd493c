import BlogFormats
import Foundation
import XCTest

final class XMLStreamReaderTests: XCTestCase {
    func testSplitCDATAJoinsIntoOneText() throws {
        // Given WordPress's escape of "]]>" inside CDATA, plus plain text around it
        let xml = "<r><c>a <![CDATA[x]]]]><![CDATA[>y]]> b</c></r>"
        // When it is read
        let recorder = try makeRecorder(parsing: xml)
        // Then the element's text is one string with the literal "]]>"
        XCTAssertEqual(recorder.texts["c"], "a x]]>y b")
    }

    func testNamesMatchOnNamespaceURINotPrefix() throws {
        let xml = #"<r xmlns:x="http://purl.org/rss/1.0/modules/content/"><x:encoded a="1" x:b="2">t</x:encoded></r>"#
        let recorder = try makeRecorder(parsing: xml)
        XCTAssertEqual(
            recorder.events[1],
            #"start http://purl.org/rss/1.0/modules/content/|encoded ["|a=1", "http://purl.org/rss/1.0/modules/content/|b=2"]"#
        )
    }

    func testUndeclaredWellKnownPrefixStillMapsToItsNamespace() throws {
        // Given a feed using content: and thr: without declaring them
        let xml = #"<rss><item><content:encoded>body</content:encoded><link thr:count="3"/></item></rss>"#
        // When it is read
        let recorder = try makeRecorder(parsing: xml)
        // Then the element and attribute carry the well-known URIs
        XCTAssertTrue(recorder.events.contains("end \(XMLNamespace.content)|encoded"))
        XCTAssertTrue(recorder.events.contains { $0.contains("\(XMLNamespace.thr)|count=3") })
        XCTAssertEqual(recorder.texts["encoded"], "body")
    }

    func testUndeclaredHTMLEntitiesDecode() throws {
        let xml = #"<r><t a="caf&eacute; ?a=1&amp;b=&#38;">A&nbsp;B&mdash;C&hellip; caf&eacute; &amp; &#233;</t></r>"#
        let recorder = try makeRecorder(parsing: xml)
        XCTAssertEqual(recorder.texts["t"], "A\u{A0}B—C… café & é")
        XCTAssertTrue(recorder.events[1].contains("|a=café ?a=1&b=&"), recorder.events[1])
    }

    func testHTMLEntityTableHasTheFullHTML4Set() {
        XCTAssertEqual(HTMLEntities.character(named: "nbsp"), "\u{A0}")
        XCTAssertEqual(HTMLEntities.character(named: "euro"), "€")
        XCTAssertEqual(HTMLEntities.character(named: "thetasym"), "ϑ")
        XCTAssertEqual(HTMLEntities.character(named: "Yuml"), "Ÿ")
        XCTAssertNil(HTMLEntities.character(named: "notanentity"))
    }

    func testInternalEntityDeclarationsExpand() throws {
        let xml = #"<!DOCTYPE r [<!ENTITY who "World &amp; &nbsp;you">]><r><t>Hello &who;</t></r>"#
        let recorder = try makeRecorder(parsing: xml)
        XCTAssertEqual(recorder.texts["t"], "Hello World & \u{A0}you")
    }

    func testBillionLaughsEndsQuicklyWithAnError() throws {
        var xml = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">"#
        xml += #"<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">"#
        for level in 2...9 {
            let previous = "&lol\(level - 1);"
            xml += "<!ENTITY lol\(level) \"\(String(repeating: previous, count: 10))\">"
        }
        xml += "]><lolz>&lol9;</lolz>"
        let start = Date()
        XCTAssertThrowsError(try makeRecorder(parsing: xml)) { error in
            XCTAssertTrue("\(error)".contains("entity"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "a bomb must not run for long")
    }

    func testExternalEntityIsNeverLoaded() throws {
        // Given a document referencing a local file through an external entity
        let secret = try makeTemporaryFile(Array("TOP-SECRET-CONTENT".utf8), name: "secret.txt")
        let xml = "<!DOCTYPE r [<!ENTITY e SYSTEM \"file://\(secret)\">]><r><t>&e;</t></r>"
        // When it is read, Then either it fails or the text never contains the file
        do {
            let recorder = try makeRecorder(parsing: xml)
            XCTAssertFalse(recorder.texts.values.contains { $0.contains("TOP-SECRET") })
        } catch {
            XCTAssertFalse("\(error)".contains("TOP-SECRET"))
        }
    }

    func testTruncatedDocumentReportsLineAndColumn() throws {
        let xml = "<rss>\n<channel>\n<item><title>x</title>\n"
        XCTAssertThrowsError(try makeRecorder(parsing: xml, source: "cut.xml")) { error in
            let formatError = try? XCTUnwrap(error as? FormatError)
            XCTAssertEqual(formatError?.source, "cut.xml")
            XCTAssertGreaterThanOrEqual(formatError?.line ?? 0, 3)
            XCTAssertTrue("\(error)".hasPrefix("cut.xml:"), "\(error)")
        }
    }

    func testIllFormedDocumentStopsWithAnError() throws {
        XCTAssertThrowsError(try makeRecorder(parsing: "<a><b></a>"))
        XCTAssertThrowsError(try makeRecorder(parsing: "not xml at all"))
        XCTAssertThrowsError(try makeRecorder(parsing: ""))
    }

    func testLargeFileIsReadAcrossChunkBoundaries() throws {
        // Given a file several chunks long whose CDATA straddles chunk boundaries
        let body = String(repeating: "0123456789", count: 40_000)
        var xml = "<r>"
        for index in 0..<5 { xml += "<i n=\"\(index)\"><![CDATA[\(body)]]></i>" }
        xml += "</r>"
        let path = try makeTemporaryFile(Array(xml.utf8))
        // When it is read from the path
        let recorder = XMLEventRecorder()
        try XMLStreamReader(sourceName: path).parse(fileAtPath: path, consumer: recorder)
        // Then every element and its whole text arrive
        XCTAssertEqual(recorder.events.filter { $0.hasPrefix("end |i") }.count, 5)
        XCTAssertEqual(recorder.texts["i"]?.count, body.count)
    }

    func testMissingFileIsAFormatErrorNamingIt() {
        XCTAssertThrowsError(
            try XMLStreamReader(sourceName: "/nope.xml").parse(fileAtPath: "/nope.xml", consumer: XMLEventRecorder())
        ) { error in
            XCTAssertTrue("\(error)".hasPrefix("/nope.xml:"))
        }
    }
}
