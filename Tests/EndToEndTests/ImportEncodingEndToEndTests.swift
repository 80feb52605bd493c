import Foundation
import LecternTestSupport
import XCTest

/// `lectern import` on files a hostile or careless world produces: what the user sees.
final class ImportEncodingEndToEndTests: XCTestCase {
    private var folder: URL!
    private var binary: URL!

    override func setUpWithError() throws {
        binary = try BuiltProduct.lectern()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `lectern import FILE` on a fresh cache; its status, standard output and error.
    private func importFile(named name: String, bytes: [UInt8]) throws -> (Int32, String, String) {
        let file = folder.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        let outcome = try LecternProcess(binary: binary, database: folder.appendingPathComponent("cache.sqlite").path)
            .run(["import", file.path])
        return (outcome.status, outcome.output, outcome.errors)
    }

    func testAShiftJISFeedWithAnUndecodableByteImportsEveryPostSilently() throws {
        // Given a Shift_JIS feed whose second item holds a byte pair Shift_JIS has no character for
        var bytes = Array(
            #"<?xml version="1.0" encoding="Shift_JIS"?><rss version="2.0"><channel><title>J</title><link>https://j.example/</link>"#
                .utf8)
        for index in 1...3 {
            bytes += Array("<item><guid>https://j.example/?p=\(index)</guid><title>".utf8) + [0x93, 0xFA]
            if index == 2 { bytes += [0x85, 0x40, 0xFF] }
            bytes += Array("</title></item>".utf8)
        }
        bytes += Array("</channel></rss>".utf8)
        // When it is imported
        let (status, output, error) = try importFile(named: "sjis.xml", bytes: bytes)
        // Then it succeeds with all three posts, and libxml2 prints nothing of its own
        XCTAssertEqual(status, 0, error)
        XCTAssertTrue(output.contains(" 3 posts"), output)
        XCTAssertEqual(error, "")
    }

    func testAFileNameWithControlCharactersIsShownSafelyInTheError() throws {
        // Given an ill-formed file whose name holds an escape sequence and a bell
        let name = "evil\u{1B}]0;pwned\u{07}\u{1B}[31m.xml"
        // When it is imported
        let (status, _, error) = try importFile(named: name, bytes: Array("<rss><channel></rss>".utf8))
        // Then the error is one line naming the file with visible stand-ins, no raw control
        XCTAssertEqual(status, 1)
        XCTAssertTrue(error.hasPrefix("error: "), error)
        XCTAssertTrue(error.contains("evil␛]0;pwned␇␛[31m.xml"), error)
        XCTAssertEqual(error.filter { $0 == "\n" }.count, 1, error)
        XCTAssertFalse(error.dropLast().unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, error)
    }
}
