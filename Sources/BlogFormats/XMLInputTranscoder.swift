import Glibc

/// Decodes a document from a legacy or UTF-16/32 encoding to UTF-8 with iconv, chunk by chunk.
///
/// Bytes the encoding cannot decode become U+FFFD and decoding goes on after them, as a
/// browser does (libxml2's own converters stop the document there instead). A sequence cut
/// by the end of a chunk is returned to the caller, to come back in front of the next chunk.
final class XMLInputTranscoder {
    private let converter: iconv_t
    /// Bytes skipped after an undecodable sequence: one code unit, so UTF-16 stays aligned.
    private let unitSize: Int
    private let capacity: Int
    private let output: UnsafeMutablePointer<UInt8>
    private var outputCursor: UnsafeMutablePointer<CChar>?
    private var outputLeft: Int

    /// Nil when iconv knows no such encoding (a bogus label): the caller falls back to UTF-8.
    init?(encoding: XMLInputEncoding, capacity: Int) {
        guard let name = encoding.iconvName,
            let converter = iconv_open("UTF-8", name), Int(bitPattern: converter) != -1
        else { return nil }
        self.converter = converter
        unitSize = encoding.unitSize
        self.capacity = capacity
        output = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        outputCursor = UnsafeMutableRawPointer(output).assumingMemoryBound(to: CChar.self)
        outputLeft = capacity
    }

    deinit {
        iconv_close(converter)
        output.deallocate()
    }

    /// Decodes `input`, handing the UTF-8 to `feed` (its bytes may be changed in place); returns
    /// how many bytes at the end of `input` were left undecoded as the start of a sequence the
    /// next chunk completes (none when `final`).
    func convert(
        _ input: UnsafeBufferPointer<UInt8>, final: Bool, feed: (UnsafeMutableBufferPointer<UInt8>) throws -> Void
    ) rethrows -> Int {
        var cursor = input.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).assumingMemoryBound(to: CChar.self) }
        var left = input.count
        while left > 0 {
            guard iconv(converter, &cursor, &left, &outputCursor, &outputLeft) == -1 else { break }
            let failure = errno
            switch failure {
            case E2BIG:
                try flush(feed)
            case EINVAL where !final:
                // A sequence cut by the end of the chunk: the caller brings it back.
                try flush(feed)
                return left
            default:
                // EILSEQ (or EINVAL at the very end): one U+FFFD, then decoding resumes one code
                // unit on, where the next character most likely starts.
                try replace(feed)
                let skip = failure == EINVAL ? left : min(unitSize, left)
                cursor! += skip
                left -= skip
            }
        }
        if final {
            // Stateful encodings (UTF-7) may hold a last character until told the input ended.
            if iconv(converter, nil, nil, &outputCursor, &outputLeft) == -1 {
                try flush(feed)
                _ = iconv(converter, nil, nil, &outputCursor, &outputLeft)
            }
        }
        try flush(feed)
        return 0
    }

    private func replace(_ feed: (UnsafeMutableBufferPointer<UInt8>) throws -> Void) rethrows {
        if outputLeft < 3 { try flush(feed) }
        let bytes: [CChar] = [CChar(bitPattern: 0xEF), CChar(bitPattern: 0xBF), CChar(bitPattern: 0xBD)]
        for byte in bytes {
            outputCursor!.pointee = byte
            outputCursor! += 1
        }
        outputLeft -= 3
    }

    private func flush(_ feed: (UnsafeMutableBufferPointer<UInt8>) throws -> Void) rethrows {
        let produced = capacity - outputLeft
        outputCursor = UnsafeMutableRawPointer(output).assumingMemoryBound(to: CChar.self)
        outputLeft = capacity
        if produced > 0 { try feed(UnsafeMutableBufferPointer(start: output, count: produced)) }
    }
}
