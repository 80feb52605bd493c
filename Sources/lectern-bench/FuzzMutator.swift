/// Deterministic mutations of a document, for the fuzzing loop.
///
/// A seeded SplitMix64 generator picks every choice, so the same seed and iteration count give
/// the same inputs on every machine: a finding in CI reproduces exactly.
struct FuzzMutator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int {
        bound <= 1 ? 0 : Int(next() % UInt64(bound))
    }

    /// Markup fragments that have broken readers before: entities, CDATA edges, encodings,
    /// control and bidi characters, deep nesting, huge numbers.
    static let tokens: [[UInt8]] = [
        "&amp;", "&#0;", "&#x110000;", "&#xD800;", "&lt;![CDATA[", "]]>", "<![CDATA[", "<!--", "-->",
        "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>", "&a;",
        "\u{1B}[31m", "\u{202E}", "\u{FEFF}", "\u{0}", "\u{FFFD}", "\r\n", "<a href=\"javascript:x\">",
        "<thr:in-reply-to ref=\"\"/>", "#comment-", "99999999999999999999",
        "<p>In reply to <a href=\"#comment-1\">x</a>.</p>",
        "<div><div><div><div><div><div><div><div>", "</item>", "</entry>", "<item>", "<entry>", "xmlns:wp=\"\"",
        "\u{00E9}", "\u{4E2D}\u{6587}", "\u{1F468}\u{200D}\u{1F469}", "\u{FF}",
    ].map { Array($0.utf8) }

    /// One to four mutations of `input`; `other` is another seed, for splicing.
    mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            let at = below(bytes.count + 1)
            switch below(9) {
            case 0 where !bytes.isEmpty:  // flip a bit
                let index = below(bytes.count)
                bytes[index] ^= UInt8(1 << below(8))
            case 1 where !bytes.isEmpty:  // a random byte
                bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: next())
            case 2:  // delete a run
                let end = min(bytes.count, at + 1 + below(64))
                if at < end { bytes.removeSubrange(at..<end) }
            case 3:  // duplicate a run
                let end = min(bytes.count, at + 1 + below(256))
                if at < end { bytes.insert(contentsOf: bytes[at..<end], at: at) }
            case 4:  // insert a known troublemaker
                bytes.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: at)
            case 5:  // cut the document short
                bytes.removeSubrange(at..<bytes.count)
            case 6 where !other.isEmpty:  // splice in part of another document
                let from = below(other.count)
                let end = min(other.count, from + 1 + below(512))
                bytes.insert(contentsOf: other[from..<end], at: at)
            case 7:  // a long run of one byte
                bytes.insert(
                    contentsOf: [UInt8](repeating: UInt8(truncatingIfNeeded: next()), count: 1 + below(4096)), at: at)
            default:  // swap two runs' order by moving one
                let end = min(bytes.count, at + 1 + below(128))
                if at < end {
                    let run = Array(bytes[at..<end])
                    bytes.removeSubrange(at..<end)
                    bytes.insert(contentsOf: run, at: below(bytes.count + 1))
                }
            }
        }
        return bytes
    }
}
