import Glibc

/// The document as libxml2 reads it: the source's bytes, read chunk by chunk, decoded to
/// UTF-8 from whatever encoding `XMLInputEncoding` finds, with U+FFFD for what cannot be
/// decoded and for characters XML forbids, and the start cleaned of what strict parsers refuse.
///
/// UTF-8 input is checked in place and handed on without a copy; memory stays one chunk
/// whatever the document's size.
final class XMLInputStream {
    /// Room in front of each chunk for the bytes of a sequence the previous chunk cut.
    private static let headroom = 64
    /// Bytes read before the encoding is decided, when the source has that many.
    private static let sniffLength = 4096

    private let chunkSize: Int
    private let buffer: UnsafeMutableRawBufferPointer
    private var sanitizer = XMLInputSanitizer()
    private var transcoder: XMLInputTranscoder?
    private var atDocumentStart = true
    /// The last bytes handed on, to see whether the document stops inside its last end tag.
    private var tail: [UInt8] = []
    /// The encoding decided from the first chunk.
    private(set) var encoding = XMLInputEncoding.utf8
    /// Bytes read from the source in all.
    private(set) var bytesRead = 0

    init(chunkSize: Int) {
        self.chunkSize = chunkSize
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.headroom + chunkSize, alignment: 8)
    }

    deinit { buffer.deallocate() }

    /// Reads the whole source and hands its UTF-8 to `feed`, stopping early once `shouldStop`.
    ///
    /// - Parameters:
    ///   - charset: the transport's `charset`, which outranks the XML declaration.
    ///   - read: fills the buffer it is given from the source; returns the byte count, 0 at the end.
    func run(
        charset: String?, read: (UnsafeMutableRawBufferPointer) throws -> Int,
        feed: (UnsafeBufferPointer<UInt8>) throws -> Void, shouldStop: () -> Bool
    ) throws {
        let body = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + Self.headroom
        var carried = 0
        var first = true
        while true {
            var count = try read(UnsafeMutableRawBufferPointer(start: body, count: chunkSize))
            // A socket or pipe may return little at a time: gather enough to see the encoding.
            while first, count > 0, count < min(Self.sniffLength, chunkSize) {
                let more = try read(UnsafeMutableRawBufferPointer(start: body + count, count: chunkSize - count))
                if more == 0 { break }
                count += more
            }
            bytesRead += count
            let final = count == 0
            var chunk = UnsafeMutableBufferPointer(start: body - carried, count: carried + count)
            if first {
                first = false
                chunk = start(chunk, charset: charset)
            }
            var left: Int
            if let transcoder {
                left = try transcoder.convert(UnsafeBufferPointer(chunk), final: final) { decoded in
                    // iconv writes whole characters only: nothing is held back here.
                    _ = try handOn(decoded, final: true, feed: feed)
                }
            } else {
                left = try handOn(chunk, final: final, feed: feed)
            }
            if left > Self.headroom {
                // No encoding has sequences this long; what cannot be carried is not text.
                var replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
                _ = try replacement.withUnsafeMutableBufferPointer { try handOn($0, final: true, feed: feed) }
                left = Self.headroom
            }
            if left > 0 {
                memmove(body - left, chunk.baseAddress! + chunk.count - left, left)
            }
            carried = left
            if final || shouldStop() { return }
        }
    }

    /// True when the input ends inside an end tag whose name is complete but whose `>` is
    /// missing (`</rss` and nothing after): a file cut one byte short has lost nothing, and
    /// the reader closes the tag for it (libxml2 still checks that the name matches).
    var endsInsideEndTag: Bool {
        var end = tail.count
        while end > 0, XMLInputProlog.isSpace(tail[end - 1]) { end -= 1 }
        guard let open = tail[..<end].lastIndex(of: UInt8(ascii: "<")), open + 2 < end,
            tail[open + 1] == UInt8(ascii: "/")
        else { return false }
        return tail[(open + 2)..<end].allSatisfy { byte in
            !XMLInputProlog.isSpace(byte) && !"<>\"'=/".utf8.contains(byte)
        }
    }

    /// Decides the encoding from the first chunk and skips its byte order mark.
    private func start(_ chunk: UnsafeMutableBufferPointer<UInt8>, charset: String?) -> UnsafeMutableBufferPointer<
        UInt8
    > {
        encoding = XMLInputEncoding.detect(UnsafeBufferPointer(chunk), charset: charset)
        if encoding.iconvName != nil {
            transcoder = XMLInputTranscoder(encoding: encoding, capacity: chunkSize)
            if transcoder == nil {
                // A label iconv does not know (`encoding="bogus"`): read it as undeclared.
                encoding =
                    XMLInputUTF8Guess.looksLikeWindows1252(UnsafeBufferPointer(chunk))
                    ? XMLInputEncoding(iconvName: "CP1252") : .utf8
                transcoder = XMLInputTranscoder(encoding: encoding, capacity: chunkSize)
            }
        }
        let mark = min(encoding.byteOrderMarkLength, chunk.count)
        return UnsafeMutableBufferPointer(rebasing: chunk[mark...])
    }

    /// Repairs UTF-8 and hands it on; returns the bytes held back for the next chunk.
    @discardableResult
    private func handOn(
        _ text: UnsafeMutableBufferPointer<UInt8>, final: Bool, feed: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> Int {
        if atDocumentStart, !text.isEmpty {
            atDocumentStart = false
            XMLInputProlog.blankMisplacedStart(in: text)
        }
        return try sanitizer.sanitize(UnsafeBufferPointer(text), final: final) { clean in
            remember(clean)
            try feed(clean)
        }
    }

    private func remember(_ bytes: UnsafeBufferPointer<UInt8>) {
        let keep = 64
        if bytes.count >= keep {
            tail = Array(bytes[(bytes.count - keep)...])
        } else {
            tail.append(contentsOf: bytes)
            if tail.count > keep { tail.removeFirst(tail.count - keep) }
        }
    }
}
