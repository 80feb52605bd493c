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
        let bytes =
            Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><r><t>caf"#.utf8) + [0xE9] + Array("</t></r>".utf8)
        XCTAssertEqual(try textOfFile(bytes), "café")
    }

    func testWindows1252PrologIsHonoured() throws {
        let bytes =
            Array(#"<?xml version="1.0" encoding="windows-1252"?><r><t>"#.utf8)
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

    // MARK: - One bad byte sequence early in a feed, in every encoding FORMATS.md lists

    /// An RSS feed of three items titled `word`, the first with `bad` in the middle of its title.
    private func threeItemFeed(prolog: String, word: [UInt8], bad: [UInt8]) -> [UInt8] {
        var bytes = Array("\(prolog)\n<rss version=\"2.0\"><channel><title>T</title>\n".utf8)
        for index in 1...3 {
            bytes += Array("<item><guid>item-\(index)</guid><title>".utf8)
            bytes += index == 1 ? word + bad + word : word
            bytes += Array("</title></item>\n".utf8)
        }
        return bytes + Array("</channel></rss>\n".utf8)
    }

    /// Imports `bytes` from a file as `lectern import` does and checks that every item arrived,
    /// the first with a U+FFFD where the bad bytes were.
    private func assertEveryItemRead(
        _ bytes: [UInt8], word: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let path = try makeTemporaryFile(bytes)
        let feed = try FeedParser().parse(fileAtPath: path)
        XCTAssertEqual(feed.items.map(\.post.title), [word + "\u{FFFD}" + word, word, word], file: file, line: line)
    }

    private func assertEveryItemRead(
        declaring encoding: String, word: [UInt8], reads expected: String, bad: [UInt8],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let bytes = threeItemFeed(prolog: #"<?xml version="1.0" encoding="\#(encoding)"?>"#, word: word, bad: bad)
        try assertEveryItemRead(bytes, word: expected, file: file, line: line)
    }

    func testShiftJISWithAnUndecodableByteKeepsEveryItem() throws {
        // Given a Shift_JIS feed whose first item holds a byte Shift_JIS has no character for
        // When it is imported, Then all three items arrive and the byte shows as U+FFFD
        try assertEveryItemRead(declaring: "Shift_JIS", word: [0x93, 0xFA, 0x96, 0x7B], reads: "日本", bad: [0xFF])
        // And a lead byte followed by what cannot trail it (a digit) loses only the lead
        try assertEveryItemRead(declaring: "shift_jis", word: [0x31, 0x93, 0xFA], reads: "1日", bad: [0x93])
    }

    func testEUCJPWithAnUndecodableByteKeepsEveryItem() throws {
        try assertEveryItemRead(declaring: "EUC-JP", word: [0xC6, 0xFC, 0xCB, 0xDC], reads: "日本", bad: [0xFF])
    }

    func testGB2312AndGB18030WithAnUndecodableByteKeepEveryItem() throws {
        try assertEveryItemRead(declaring: "gb2312", word: [0xD6, 0xD0, 0xCE, 0xC4], reads: "中文", bad: [0xFF])
        try assertEveryItemRead(declaring: "GB18030", word: [0xD6, 0xD0, 0xCE, 0xC4], reads: "中文", bad: [0xFF])
    }

    func testBig5WithAnUndecodableByteKeepsEveryItem() throws {
        try assertEveryItemRead(declaring: "big5", word: [0xA4, 0xA4, 0xA4, 0xE5], reads: "中文", bad: [0xFF])
    }

    func testEUCKRWithAnUndecodableByteKeepsEveryItem() throws {
        try assertEveryItemRead(declaring: "euc-kr", word: [0xC7, 0xD1, 0xB1, 0xB9], reads: "한국", bad: [0xFF])
    }

    func testKOI8RWithAForbiddenControlCharacterKeepsEveryItem() throws {
        // KOI8-R decodes every byte; a C0 control is what XML cannot hold, and it is replaced too
        try assertEveryItemRead(
            declaring: "koi8-r", word: [0xF2, 0xCF, 0xD3, 0xD3, 0xC9, 0xD1], reads: "Россия", bad: [0x01])
    }

    func testISO88597WithAnUndecodableByteKeepsEveryItem() throws {
        try assertEveryItemRead(
            declaring: "iso-8859-7", word: [0xC5, 0xEB, 0xEB, 0xDC, 0xE4, 0xE1], reads: "Ελλάδα", bad: [0xFF])
    }

    func testWindows1252AndLatin1WithAnUnassignedByteKeepEveryItem() throws {
        // Latin-1 is read as windows-1252, as browsers do: its smart quotes come out right
        let word: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x93, 0x78, 0x94]
        try assertEveryItemRead(declaring: "windows-1252", word: word, reads: "café“x”", bad: [0x81])
        try assertEveryItemRead(declaring: "ISO-8859-1", word: word, reads: "café“x”", bad: [0x8D])
    }

    func testUTF7WithAByteOutsideSevenBitsKeepsEveryItem() throws {
        try assertEveryItemRead(declaring: "UTF-7", word: Array("+ZeVnLA-".utf8), reads: "日本", bad: [0x80])
    }

    func testUTF8WithInvalidBytesKeepsEveryItem() throws {
        // Given a document declared UTF-8 with a stray byte, then one with a sequence cut short
        let word = Array("café✓".utf8)
        try assertEveryItemRead(declaring: "UTF-8", word: word, reads: "café✓", bad: [0xFF])
        try assertEveryItemRead(declaring: "utf-8", word: word, reads: "café✓", bad: [0xE2, 0x9C])
        // And one that declares nothing but holds real UTF-8 elsewhere
        try assertEveryItemRead(threeItemFeed(prolog: "", word: word, bad: [0xFF]), word: "café✓")
        // And one with a BOM
        try assertEveryItemRead([0xEF, 0xBB, 0xBF] + threeItemFeed(prolog: "", word: word, bad: [0xC3]), word: "café✓")
    }

    func testEveryByteValueAtEveryOffsetIsKeptOrReplacedAsItShouldBe() throws {
        // Given one byte of each value, at each position within the reader's 8-byte words
        for value in 0...255 where value != 0x3C && value != 0x26 {
            for offset in 0..<16 {
                let padding = [UInt8](repeating: 0x61, count: offset)
                let bytes =
                    Array(#"<?xml version="1.0" encoding="UTF-8"?><r><t>x"#.utf8) + padding + [UInt8(value)]
                    + padding + Array("x</t></r>".utf8)
                // When it is read, Then allowed ASCII stays, and anything else is one U+FFFD
                let expected: String
                switch value {
                case 0x0D: expected = "\n"  // XML turns a carriage return into a line feed
                case 0x09, 0x0A, 0x20...0x7F: expected = String(UnicodeScalar(UInt8(value)))
                default: expected = "\u{FFFD}"
                }
                let middle = "x" + String(repeating: "a", count: offset)
                let recorder = XMLEventRecorder()
                try XMLStreamReader(sourceName: "t.xml").parse(data: Data(bytes), consumer: recorder)
                XCTAssertEqual(
                    recorder.texts["t"], middle + expected + String(middle.reversed()), "byte \(value) at \(offset)")
            }
        }
    }

    func testCharactersXMLForbidsBecomeReplacementCharacters() throws {
        // U+FFFF and a C0 control are well-formed UTF-8 but not XML characters
        try assertEveryItemRead(declaring: "UTF-8", word: Array("ok".utf8), reads: "ok", bad: [0xEF, 0xBF, 0xBF])
        try assertEveryItemRead(declaring: "UTF-8", word: Array("ok".utf8), reads: "ok", bad: [0x1B])
    }

    /// The feed in UTF-16 or UTF-32, `\u{E000}` standing for the bad code unit `bad`.
    private func wideFeed(
        word: String, unitSize: Int, bigEndian: Bool, byteOrderMark: Bool, bad: UInt32
    ) -> [UInt8] {
        let text = String(
            decoding: threeItemFeed(prolog: "", word: Array(word.utf8), bad: Array("\u{E000}".utf8)), as: UTF8.self)
        var units: [UInt32] = byteOrderMark ? [0xFEFF] : []
        for scalar in text.unicodeScalars {
            if scalar == "\u{E000}" {
                units.append(bad)
            } else if unitSize == 4 {
                units.append(scalar.value)
            } else {
                units += String(scalar).utf16.map(UInt32.init)
            }
        }
        return units.flatMap { unit -> [UInt8] in
            let bytes = (0..<unitSize).map { UInt8(truncatingIfNeeded: unit >> (8 * $0)) }
            return bigEndian ? bytes.reversed() : bytes
        }
    }

    func testUTF16WithALoneSurrogateKeepsEveryItem() throws {
        for bigEndian in [false, true] {
            for byteOrderMark in [false, true] {
                let bytes = wideFeed(
                    word: "日本✓", unitSize: 2, bigEndian: bigEndian, byteOrderMark: byteOrderMark, bad: 0xD800)
                try assertEveryItemRead(bytes, word: "日本✓")
            }
        }
    }

    func testUTF32WithAnOutOfRangeUnitKeepsEveryItem() throws {
        for bigEndian in [false, true] {
            for byteOrderMark in [false, true] {
                let bytes = wideFeed(
                    word: "日本✓", unitSize: 4, bigEndian: bigEndian, byteOrderMark: byteOrderMark, bad: 0x11_0000)
                try assertEveryItemRead(bytes, word: "日本✓")
            }
        }
    }

    // MARK: - Detection

    func testUndeclaredLatin1IsReadAsWindows1252() throws {
        // Given a document that names no encoding and holds no UTF-8, only Latin-1 bytes
        let bytes = Array("<r><t>caf".utf8) + [0xE9, 0x20, 0x93, 0x61, 0x94] + Array("</t></r>".utf8)
        // Then it reads as a browser reads it
        XCTAssertEqual(try textOfFile(bytes), "café “a”")
    }

    func testHTTPCharsetOutranksTheDeclaration() throws {
        let bytes =
            Array(#"<?xml version="1.0" encoding="utf-8"?><rss><channel><item><title>"#.utf8)
            + [0xA3, 0x93, 0x61, 0x94] + Array("</title></item></channel></rss>".utf8)
        let feed = try FeedParser().parse(
            data: Data(bytes), sourceName: "t.xml", contentType: "text/xml; charset='windows-1252'")
        XCTAssertEqual(feed.items.first?.post.title, "£“a”")
        // A byte order mark outranks both
        let marked = try FeedParser().parse(
            data: Data([0xEF, 0xBB, 0xBF] + Array("<rss><channel><item><title>é</title></item></channel></rss>".utf8)),
            sourceName: "t.xml", contentType: "text/xml; charset=iso-8859-1")
        XCTAssertEqual(marked.items.first?.post.title, "é")
    }

    func testABogusEncodingNameIsReadAsUndeclared() throws {
        let bytes =
            Array(#"<?xml version="1.0" encoding="bogus"?><r><t>caf"#.utf8) + [0xC3, 0xA9] + Array("</t></r>".utf8)
        XCTAssertEqual(try textOfFile(bytes), "café")
    }

    func testUTF16DeclarationOnUTF8BytesIsIgnored() throws {
        let bytes = Array(#"<?xml version="1.0" encoding="UTF-16"?><r><t>café</t></r>"#.utf8)
        XCTAssertEqual(try textOfFile(bytes), "café")
    }

    func testSequencesCutByAChunkBoundaryArriveWhole() throws {
        // Given multi-byte characters straddling the reader's chunk boundary, at every offset,
        // in UTF-8 and in Shift_JIS
        for (prolog, character, expected) in [
            ("", Array("✓".utf8), "✓"), (#"<?xml version="1.0" encoding="Shift_JIS"?>"#, [0x93, 0xFA], "日"),
        ] {
            for shift in 0..<character.count {
                let head = Array("\(prolog)<r><t>".utf8)
                let padding = XMLStreamReader.chunkSize - head.count - shift - 1
                let bytes = head + [UInt8](repeating: 0x61, count: padding) + character + Array("</t></r>".utf8)
                // When the file is read, Then the character is decoded once, not replaced
                let text = try XCTUnwrap(textOfFile(bytes))
                XCTAssertEqual(String(text.suffix(1)), expected, "\(expected) cut after \(shift + 1) bytes")
                XCTAssertFalse(text.contains("\u{FFFD}"))
            }
        }
    }

    func testWhiteSpaceAndACommentBeforeTheDeclarationAreTolerated() throws {
        XCTAssertEqual(try textOfFile(Array("\n  <?xml version=\"1.0\"?>\n<r><t>ok</t></r>".utf8)), "ok")
        XCTAssertEqual(
            try textOfFile(
                Array(
                    "<!-- x -->\n<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><r><t>\u{E9}</t></r>".unicodeScalars.map
                    { UInt8($0.value) })), "é")
    }

    func testADocumentCutInsideItsLastEndTagIsComplete() throws {
        // Given a file that lost only the `>` of its root's end tag
        XCTAssertEqual(try textOfFile(Array("<r><t>ok</t></r\n".utf8)), "ok")
        // But one that lost more is still cut short
        XCTAssertThrowsError(try textOfFile(Array("<r><t>ok</t></".utf8)))
        XCTAssertThrowsError(try textOfFile(Array("<r><t>ok</t></x".utf8)))
    }

    // MARK: - libxml2's voice

    func testNothingOfLibxml2ReachesStandardError() throws {
        // Given documents that make libxml2 complain: bad bytes, ill-formed XML, bogus names
        let documents: [[UInt8]] = [
            threeItemFeed(
                prolog: #"<?xml version="1.0" encoding="Shift_JIS"?>"#, word: [0x93, 0xFA], bad: [0xFF, 0x85, 0x40]),
            threeItemFeed(prolog: "", word: Array("ok".utf8), bad: [0xFF, 0x62, 0x3C, 0x2F]),
            Array("<rss><channel></rss>".utf8),
            Array("<?xml version=\"1.0\" encoding=\"x-nothing\"?><r/>".utf8),
            Array("<r>&undefined;</r>".utf8),
        ]
        // When each is parsed
        let written = try capturingStandardError {
            for document in documents {
                _ = try? FeedParser().parse(data: Data(document), sourceName: "t.xml")
            }
        }
        // Then nothing was printed
        XCTAssertEqual(written, "")
    }

    func testAnHTMLParseInsideACallbackNeitherStopsTheDocumentNorPrints() throws {
        // Given a feed whose items are turned into plain text while it is being read, as the
        // import does, from markup libxml2's HTML parser complains about
        let xml = #"<rss><channel><item><title>1</title></item><item><title>2</title></item></channel></rss>"#
        final class Converting: XMLStreamConsumer {
            var titles: [String] = []
            func didStartElement(_ tag: XMLTag, attributes: XMLAttributes, reader: XMLStreamReader) throws {}
            func didEndElement(_ tag: XMLTag, reader: XMLStreamReader) throws {
                guard tag.name.localName == "title" else { return }
                titles.append(
                    HTMLConverter.plainText(fromHTML: "<p><b>\(reader.text) &bogus; <x y=></td></table>\u{1}"))
            }
        }
        let consumer = Converting()
        // When it is read
        let written = try capturingStandardError {
            try XMLStreamReader(sourceName: "t.xml").parse(data: Data(xml.utf8), consumer: consumer)
        }
        // Then both items were read and nothing printed
        XCTAssertEqual(consumer.titles.count, 2)
        XCTAssertEqual(written, "")
    }

    func testErrorsAreOneLine() throws {
        let error = FormatError(
            source: "f.xml", line: 2, column: 37, message: "Input is not proper UTF-8\nBytes: 0xFF 0x62\n")
        XCTAssertEqual(error.description, "f.xml:2:37: Input is not proper UTF-8 Bytes: 0xFF 0x62")
        XCTAssertThrowsError(try makeRecorder(parsing: "<a>\n<b></a>")) { error in
            XCTAssertFalse("\(error)".contains("\n"), "\(error)")
        }
    }

    /// What `body` wrote to the process's standard error.
    private func capturingStandardError(_ body: () throws -> Void) throws -> String {
        let path = try makeTemporaryFile([], name: "stderr.txt")
        let saved = dup(2)
        let file = open(path, O_WRONLY | O_TRUNC)
        dup2(file, 2)
        close(file)
        defer {
            dup2(saved, 2)
            close(saved)
        }
        try body()
        fflush(nil)  // every stream, libxml2's stderr writes included
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}
