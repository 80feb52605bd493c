import Foundation

// Kept apart from the libxml2 callbacks: Foundation and libxml2's ICU headers cannot be
// imported into the same Swift file.
extension XMLStreamReader {
    /// Reads an in-memory document, fed to the parser in chunks like a file.
    public func parse(data: Data, consumer: XMLStreamConsumer) throws {
        var offset = data.startIndex
        try run(consumer: consumer) { buffer in
            let count = min(buffer.count, data.endIndex - offset)
            data.copyBytes(
                to: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self),
                from: offset..<(offset + count))
            offset += count
            return count
        }
    }
}
