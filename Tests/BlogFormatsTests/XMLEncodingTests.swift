import BlogFormats
import Foundation
import XCTest

final class XMLEncodingTests: XCTestCase {
    private func textOfFile(_ bytes: [UInt8]) throws -> String? {
        let path = try makeTemporaryFile(bytes)
        let recorder = XMLEventRecorder()
        try XMLStreamReader(sourceName: path).parse(fileAtPath: path, consumer: recorder)
        return recorder.texts["t"]
    }

    func testISO88591PrologIsHonoured() throws {
        let bytes = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><r><t>caf"#.utf8) + [0xE9] + Array("</t></r>".utf8)
        XCTAssertEqual(try textOfFile(bytes), "café")
    }

    func testWindows1252PrologIsHonoured() throws {
        let bytes = Array(#"<?xml version="1.0" encoding="windows-1252"?><r><t>"#.utf8)
            + [0x93, 0x68, 0x69, 0x94, 0x20, 0x80] + Array("</t></r>".utf8)
        XCTAssertEqual(try textOfFile(bytes), "\u{201C}hi\u{201D} €")
    }

    func testUTF16WithBOMIsDecoded() throws {
        let xml = #"<?xml version="1.0" encoding="UTF-16"?><r><t>héllo ✓</t></r>"#
        let littleEndian: [UInt8] = [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian: [UInt8] = [0xFE, 0xFF] + xml.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(try textOfFile(littleEndian), "héllo ✓")
        XCTAssertEqual(try textOfFile(bigEndian), "héllo ✓")
    }

    func testUTF8BOMIsSkipped() throws {
        XCTAssertEqual(try textOfFile([0xEF, 0xBB, 0xBF] + Array("<r><t>ok</t></r>".utf8)), "ok")
    }
}
