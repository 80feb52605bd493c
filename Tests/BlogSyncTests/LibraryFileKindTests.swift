import BlogSync
import Foundation
import XCTest

/// `lectern import` picks the importer from the file's root element.
final class LibraryFileKindTests: XCTestCase {
    func testEachFormatIsToldByItsRootElement() throws {
        XCTAssertEqual(try kind(of: #"<?xml version="1.0"?><opml version="2.0"><body/></opml>"#), .opml)
        XCTAssertEqual(
            try kind(of: #"<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel/></rss>"#),
            .wordpressExport)
        XCTAssertEqual(try kind(of: #"<rss version="2.0"><channel/></rss>"#), .feed)
        XCTAssertEqual(try kind(of: #"<feed xmlns="http://www.w3.org/2005/Atom"/>"#), .feed)
        XCTAssertEqual(
            try kind(of: #"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>"#), .feed)
    }

    func testAUTF16FileIsReadByItsByteOrderMark() throws {
        var data = Data([0xFF, 0xFE])
        data.append(#"<feed xmlns="http://www.w3.org/2005/Atom"/>"#.data(using: .utf16LittleEndian)!)
        XCTAssertEqual(try kind(of: data), .feed)
    }

    func testAMissingFileIsNamedInTheError() {
        let path = NSTemporaryDirectory() + "lectern-no-such-\(UUID().uuidString).xml"
        XCTAssertThrowsError(try LibraryFileKind.sniff(atPath: path)) { error in
            XCTAssertEqual("\(error)", "\(path): cannot open")
        }
    }

    private func kind(of text: String) throws -> LibraryFileKind { try kind(of: Data(text.utf8)) }

    private func kind(of data: Data) throws -> LibraryFileKind {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-kind-\(UUID().uuidString).xml")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try LibraryFileKind.sniff(atPath: url.path)
    }
}
