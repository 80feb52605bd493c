import Foundation
import XCTest

@testable import BlogFormats

/// The cuts that keep libxml2 from holding a long CDATA section whole: made only inside
/// CDATA, between characters, and invisible in what the reader reports.
final class LinearTimeCDATASplitterTests: XCTestCase {
    private static let cut = Array("]]><![CDATA[".utf8)

    /// `bytes` through a splitter in pieces of `chunk` bytes, as the reader feeds a file.
    private func split(_ bytes: [UInt8], chunk: Int, decodedToUTF8: Bool = false) -> [UInt8] {
        var splitter = XMLCDATASplitter(decodedToUTF8: decodedToUTF8)
        var output: [UInt8] = []
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            bytes[start..<min(start + chunk, bytes.count)].withUnsafeBufferPointer { piece in
                splitter.pass(piece) { output.append(contentsOf: $0) }
            }
        }
        return output
    }

    private func cuts(in bytes: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index + Self.cut.count <= bytes.count {
            if bytes[index] == Self.cut[0], bytes[index..<(index + Self.cut.count)].elementsEqual(Self.cut) {
                count += 1
                index += Self.cut.count
            } else {
                index += 1
            }
        }
        return count
    }

    private func text(of bytes: [UInt8]) throws -> String? {
        try makeRecorder(parsing: String(decoding: bytes, as: UTF8.self)).texts["c"]
    }

    func testLongSectionIsCutAndReadsTheSame() throws {
        // Given a CDATA section of 300 KB with brackets and multi-byte characters throughout
        let body = String(repeating: "a]b]]c]]]>d é😀 ", count: 300_000 / 24).replacingOccurrences(
            of: "]]]>", with: "]]]")
        let xml = Array("<?xml version=\"1.0\"?><r><c>x<![CDATA[\(body)]]>y</c></r>".utf8)
        for chunk in [1, 7, 4096, 65_537, xml.count] {
            // When it passes through in pieces of any size
            let output = split(xml, chunk: chunk)
            // Then the section is cut every 64 KB or so, and reads as before
            XCTAssertEqual(cuts(in: output), body.utf8.count / XMLCDATASplitter.sectionLimit, "chunk \(chunk)")
            XCTAssertEqual(try text(of: output), "x" + body + "y", "chunk \(chunk)")
        }
    }

    func testCutsNeverSplitACharacter() throws {
        // Given a section made only of two- and four-byte characters
        let body = String(repeating: "é😀", count: 50_000)
        let xml = Array("<r><c><![CDATA[\(body)]]></c></r>".utf8)
        // When it is cut, then every character survives
        let output = split(xml, chunk: 10_000)
        XCTAssertGreaterThan(cuts(in: output), 0)
        XCTAssertNotNil(String(bytes: output, encoding: .utf8))
        XCTAssertEqual(try text(of: output), body)
    }

    func testCommentsInstructionsAndDoctypeAreNeverCut() {
        // Given CDATA openers inside a doctype, comments and a processing instruction, then a
        // long text outside any CDATA
        let xml = Array(
            ("""
            <?xml version="1.0"?><!DOCTYPE r [<!-- it's <![CDATA[ --><!ENTITY e "<![CDATA[">
            <?pi <![CDATA[ ?>]><r><!-- <![CDATA[ --><?pi <![CDATA[ ?><c>
            """ + String(repeating: "text ", count: 40_000) + "</c></r>").utf8)
        // When it passes through, then nothing is touched
        XCTAssertEqual(split(xml, chunk: 4096), xml)
    }

    func testDocumentsInOtherEncodingsAreLeftAlone() {
        let body = String(repeating: "a", count: 200_000)
        for declaration in [
            #"<?xml version="1.0" encoding="Shift_JIS"?>"#, #"<?xml version='1.0' encoding='ISO-2022-JP'?>"#,
        ] {
            let xml = Array("\(declaration)<r><c><![CDATA[\(body)]]></c></r>".utf8)
            XCTAssertEqual(split(xml, chunk: 4096), xml, declaration)
        }
        let utf16 = [0xFF, 0xFE] + Array("<r><c><![CDATA[\(body)]]></c></r>".utf8)
        XCTAssertEqual(split(utf16, chunk: 4096), utf16)
    }

    func testTranscodedInputIsCutWhateverItsDeclarationSays() {
        // Given a document already decoded to UTF-8 that still declares Shift_JIS
        let xml =
            Array(#"<?xml version="1.0" encoding="Shift_JIS"?><r><c><![CDATA["#.utf8)
            + Array(String(repeating: "日本", count: 40_000).utf8) + Array("]]></c></r>".utf8)
        // When it passes through a splitter told so, then it is cut like any UTF-8
        XCTAssertEqual(cuts(in: split(xml, chunk: 4096, decodedToUTF8: true)), 3)
    }

    func testASCIICompatibleEncodingsAreCut() {
        let body = String(repeating: "a", count: 200_000)
        for declaration in [
            #"<?xml version="1.0" encoding = 'utf-8' ?>"#, #"<?xml version="1.0" encoding="ISO-8859-1"?>"#,
            #"<?xml version="1.0" encoding="windows-1252"?>"#, "\u{FEFF}<?xml version=\"1.0\"?>", "",
        ] {
            let xml = Array("\(declaration)<r><c><![CDATA[\(body)]]></c></r>".utf8)
            XCTAssertEqual(cuts(in: split(xml, chunk: 4096)), 3, declaration)
        }
    }
}
