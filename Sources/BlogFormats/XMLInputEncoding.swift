/// The character encoding a document's bytes are decoded from before libxml2 sees them.
///
/// libxml2 is always handed UTF-8 (its own converters drop the rest of a document at the
/// first undecodable byte, and print to stderr), so the encoding is decided here, once, from
/// the first chunk: a byte order mark, else the byte pattern of UTF-16/32, else the transport's
/// charset (HTTP `Content-Type`), else the XML declaration, else UTF-8 — or windows-1252 when
/// an undeclared document is plainly not UTF-8 (FORMATS.md §11.4).
public struct XMLInputEncoding: Equatable, Sendable {
    /// The name iconv knows it by; nil for UTF-8, which is validated in place, not converted.
    public var iconvName: String?
    /// Bytes in one code unit: an undecodable UTF-16 unit is skipped whole, to stay aligned.
    var unitSize: Int
    /// Length of the byte order mark the document starts with (skipped, never decoded).
    var byteOrderMarkLength: Int

    public static let utf8 = XMLInputEncoding(iconvName: nil, unitSize: 1, byteOrderMarkLength: 0)

    init(iconvName: String?, unitSize: Int = 1, byteOrderMarkLength: Int = 0) {
        self.iconvName = iconvName
        self.unitSize = unitSize
        self.byteOrderMarkLength = byteOrderMarkLength
    }

    /// Decides the encoding from the start of the document.
    ///
    /// - Parameters:
    ///   - head: the first bytes read (the more, the better the windows-1252 guess).
    ///   - charset: the transport's `charset` parameter, if any.
    public static func detect(_ head: UnsafeBufferPointer<UInt8>, charset: String? = nil) -> XMLInputEncoding {
        if let unicode = unicodeFromByteOrder(head) { return unicode }
        if let charset, let named = asciiCompatible(label: charset) { return named }
        if let label = XMLInputProlog.declaredEncoding(in: head), let named = asciiCompatible(label: label) {
            return named
        }
        return XMLInputUTF8Guess.looksLikeWindows1252(head) ? XMLInputEncoding(iconvName: "CP1252") : .utf8
    }

    /// A byte order mark, or the pattern `<` and `<?` (or whitespace) make in UTF-16 and UTF-32.
    static func unicodeFromByteOrder(_ bytes: UnsafeBufferPointer<UInt8>) -> XMLInputEncoding? {
        func at(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
        let (b0, b1, b2, b3) = (at(0), at(1), at(2), at(3))
        switch (b0, b1, b2, b3) {
        case (0xEF, 0xBB, 0xBF, _): return XMLInputEncoding(iconvName: nil, byteOrderMarkLength: 3)
        case (0xFF, 0xFE, 0x00, 0x00):
            return XMLInputEncoding(iconvName: "UTF-32LE", unitSize: 4, byteOrderMarkLength: 4)
        case (0x00, 0x00, 0xFE, 0xFF):
            return XMLInputEncoding(iconvName: "UTF-32BE", unitSize: 4, byteOrderMarkLength: 4)
        case (0xFF, 0xFE, _, _): return XMLInputEncoding(iconvName: "UTF-16LE", unitSize: 2, byteOrderMarkLength: 2)
        case (0xFE, 0xFF, _, _): return XMLInputEncoding(iconvName: "UTF-16BE", unitSize: 2, byteOrderMarkLength: 2)
        default: break
        }
        // Without a mark, an XML document's first character is ASCII (`<` or white space), so
        // the zero bytes around it give the encoding away (XML 1.0 Appendix F).
        guard let b0, let b1, let b2, let b3 else { return nil }
        let ascii = { (byte: UInt8) in byte != 0 && byte < 0x80 }
        if b0 == 0, b1 == 0, b2 == 0, ascii(b3) { return XMLInputEncoding(iconvName: "UTF-32BE", unitSize: 4) }
        if ascii(b0), b1 == 0, b2 == 0, b3 == 0 { return XMLInputEncoding(iconvName: "UTF-32LE", unitSize: 4) }
        if b0 == 0, ascii(b1), b2 == 0 { return XMLInputEncoding(iconvName: "UTF-16BE", unitSize: 2) }
        if ascii(b0), b1 == 0, b3 == 0 { return XMLInputEncoding(iconvName: "UTF-16LE", unitSize: 2) }
        return nil
    }

    /// The encoding a label names, for a document whose bytes are ASCII-compatible; nil for
    /// labels that cannot describe such bytes (UTF-16/32) or that are not labels at all.
    ///
    /// Labels follow the WHATWG Encoding Standard where it differs from iconv's reading, as
    /// browsers do: Latin-1 and ASCII mean windows-1252, GB2312 and GBK mean GB18030.
    static func asciiCompatible(label: String) -> XMLInputEncoding? {
        let name = label.trimmedWhitespace.lowercased()
        guard !name.isEmpty, name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        if name.hasPrefix("utf-16") || name.hasPrefix("utf-32") || name.hasPrefix("ucs-") || name == "unicode" {
            return nil
        }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
            return .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819", "ibm819", "us-ascii", "ascii",
            "ansi_x3.4-1968", "iso-ir-100", "csisolatin1", "windows-1252", "cp1252", "x-cp1252":
            return XMLInputEncoding(iconvName: "CP1252")
        case "gb2312", "gbk", "x-gbk", "cp936", "chinese", "csgb2312", "gb_2312-80", "iso-ir-58", "gb18030":
            return XMLInputEncoding(iconvName: "GB18030")
        default:
            return XMLInputEncoding(iconvName: name.uppercased())
        }
    }

    /// The `charset` parameter of a `Content-Type` header value, unquoted.
    public static func charset(fromContentType contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, String(pair[0]).trimmedWhitespace.lowercased() == "charset" else { continue }
            var value = String(pair[1]).trimmedWhitespace
            // Quoted as the header grammar allows (`"utf-8"`), or as some servers do (`'gb2312'`).
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
