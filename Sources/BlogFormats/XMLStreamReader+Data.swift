import Foundation

// Kept apart from the libxml2 callbacks: Foundation and libxml2's ICU headers cannot be
// imported into the same Swift file.
extension XMLStreamReader {
    /// Reads an in-memory document, fed to the parser in chunks like a file.
    ///
    /// - Parameter charset: the encoding the document came labelled with (an HTTP `charset`),
    ///   which outranks its XML declaration; a byte order mark outranks both.
    public func parse(data: Data, charset: String? = nil, consumer: XMLStreamConsumer) throws {
        var offset = data.startIndex
        try run(consumer: consumer, charset: charset) { buffer in
            let count = min(buffer.count, data.endIndex - offset)
            data.copyBytes(
                to: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self),
                from: offset..<(offset + count))
            offset += count
            return count
        }
    }
}
