extension StringProtocol {
    /// The UTF-8 offsets of the first occurrence of `needle`, compared byte for byte.
    ///
    /// Foundation's `contains(_:)` and `range(of:)` are locale-aware and bridge the string
    /// to UTF-16 first; link types and comment anchors checked for every feed entry need
    /// neither.
    func byteRange(of needle: StaticString) -> Range<Int>? {
        let count = needle.utf8CodeUnitCount
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: count)
        let bytes = Array(utf8)
        guard count > 0, bytes.count >= count else { return nil }
        for start in 0...(bytes.count - count) where bytes[start] == pattern[0] {
            if bytes[start..<(start + count)].elementsEqual(pattern) { return start..<(start + count) }
        }
        return nil
    }

    func containsBytes(_ needle: StaticString) -> Bool {
        byteRange(of: needle) != nil
    }
}
