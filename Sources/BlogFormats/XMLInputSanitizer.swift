/// Makes a UTF-8 byte stream safe for a strict XML parser, as a browser would: every
/// ill-formed sequence, and every character XML forbids (C0 controls other than tab, line feed
/// and carriage return; U+FFFE and U+FFFF), becomes U+FFFD, and the rest passes untouched.
///
/// Clean input, the usual case, is handed on in place without a copy; a chunk that needs a
/// repair is rebuilt once. A sequence cut by the end of a chunk is held back for the next one,
/// so libxml2 never sees half a character.
struct XMLInputSanitizer {
    /// A chunk's repaired bytes, reused from chunk to chunk.
    private var repaired: [UInt8] = []
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// What the bytes at one position of a UTF-8 stream are.
    enum Sequence: Equatable {
        /// A well-formed sequence of `length` bytes; `allowed` is false for U+FFFE and U+FFFF.
        case scalar(length: Int, allowed: Bool)
        /// A well-formed start that the end of the buffer cuts off.
        case incomplete
        /// An ill-formed sequence; its first `length` bytes (the maximal subpart, as the
        /// Unicode Standard and the WHATWG decoder count it) become one U+FFFD.
        case invalid(length: Int)
    }

    /// Classifies the sequence starting at `index`, whose first byte is not ASCII.
    static func sequence(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Sequence {
        let lead = bytes[index]
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        let need: Int
        switch lead {
        case 0xC2...0xDF: need = 1
        case 0xE0:
            need = 2
            lower = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED:
            need = 2
            upper = 0x9F  // no UTF-16 surrogates
        case 0xF0:
            need = 3
            lower = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4:
            need = 3
            upper = 0x8F  // nothing past U+10FFFF
        default: return .invalid(length: 1)
        }
        for offset in 1...need {
            guard index + offset < bytes.count else { return .incomplete }
            let byte = bytes[index + offset]
            guard byte >= (offset == 1 ? lower : 0x80), byte <= (offset == 1 ? upper : 0xBF) else {
                return .invalid(length: offset)
            }
        }
        let noncharacter = lead == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE
        return .scalar(length: need + 1, allowed: !noncharacter)
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each byte of `word` that is not ASCII or is a control character XML
    /// forbids, computed on all eight bytes at once without carries between them.
    @inline(__always)
    static func flaggedBytes(_ word: UInt64) -> UInt64 {
        // Below 0x20: adding 0x60 to the low seven bits reaches the high bit only from 0x20 up.
        let control = ~(((word & lowBits) &+ 0x6060_6060_6060_6060) | word) & highBits
        guard control != 0 else { return word & highBits }
        // Tab, line feed and carriage return are allowed: exact per-byte equality tests.
        func equal(_ byte: UInt64) -> UInt64 {
            let difference = word ^ (byte &* 0x0101_0101_0101_0101)
            return ~(((difference & lowBits) &+ lowBits) | difference) & highBits
        }
        return (word & highBits) | (control & ~(equal(0x0A) | equal(0x09) | equal(0x0D)))
    }

    /// Hands `feed` the complete part of `input`, repaired; returns how many bytes at its end
    /// were held back as the start of a sequence the next chunk completes (none when `final`).
    mutating func sanitize(
        _ input: UnsafeBufferPointer<UInt8>, final: Bool, feed: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows -> Int {
        guard let base = input.baseAddress else { return 0 }
        let count = input.count
        var index = 0
        var segment = 0
        var repairing = false
        var heldBack = 0
        scan: while index < count {
            // Eight bytes at a time: a byte needs a closer look when its high bit is set (not
            // ASCII) or it is a control character other than tab, line feed or carriage return.
            if index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let flagged = Self.flaggedBytes(word)
                if flagged == 0 {
                    index += 8
                    continue
                }
                index += flagged.trailingZeroBitCount >> 3
            }
            let byte = base[index]
            if byte >= 0x20 && byte < 0x80 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                index += 1
                continue
            }
            var skip = 1
            if byte >= 0x80 {
                switch Self.sequence(in: input, at: index) {
                case .scalar(let length, allowed: true):
                    index += length
                    continue scan
                case .scalar(let length, allowed: false), .invalid(let length):
                    skip = length
                case .incomplete:
                    guard final else {
                        heldBack = count - index
                        break scan
                    }
                    skip = count - index
                }
            }
            if !repairing {
                repaired.removeAll(keepingCapacity: true)
                repairing = true
            }
            repaired.append(contentsOf: UnsafeBufferPointer(rebasing: input[segment..<index]))
            repaired.append(contentsOf: Self.replacement)
            index += skip
            segment = index
        }
        let end = count - heldBack
        if repairing {
            repaired.append(contentsOf: UnsafeBufferPointer(rebasing: input[segment..<end]))
            try repaired.withUnsafeBufferPointer(feed)
        } else if end > 0 {
            try feed(UnsafeBufferPointer(rebasing: input[0..<end]))
        }
        return heldBack
    }
}
