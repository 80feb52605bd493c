import Foundation

extension StringProtocol {
    /// The UTF-8 offsets of the first occurrence of `needle`, compared byte for byte.
    ///
    /// Foundation's `contains(_:)` and `range(of:)` are locale-aware and bridge the string
    /// to UTF-16 first; link types and comment anchors checked for every feed entry need
    /// neither.
    func byteRange(of needle: StaticString) -> Range<Int>? {
        // Native strings hand out their bytes in place; others are copied once.
        if let found = utf8.withContiguousStorageIfAvailable({ Self.byteRange(of: needle, in: $0) }) {
            return found
        }
        return Array(utf8).withUnsafeBufferPointer { Self.byteRange(of: needle, in: $0) }
    }

    private static func byteRange(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, bytes.count >= count, let base = bytes.baseAddress else { return nil }
        let first = needle.utf8Start[0]
        var start = 0
        while start <= bytes.count - count {
            guard let hit = memchr(base + start, Int32(first), bytes.count - count + 1 - start) else { return nil }
            start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + start, needle.utf8Start, count) == 0 { return start..<(start + count) }
            start += 1
        }
        return nil
    }

    func containsBytes(_ needle: StaticString) -> Bool {
        byteRange(of: needle) != nil
    }
}
