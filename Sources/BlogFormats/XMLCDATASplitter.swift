import Glibc

/// Cuts long CDATA sections into consecutive short ones on their way to libxml2.
///
/// libxml2 2.9's push parser holds a CDATA section whole until its `]]>` arrives, rescans
/// everything it holds for that terminator at each chunk (quadratic: a 40 MB body took
/// seconds in the scan alone) and gives up past 10 MB ("Huge input lookup"). WordPress
/// wraps every body and comment in CDATA. Closing and reopening the section (`]]><![CDATA[`)
/// every `sectionLimit` bytes keeps each one short and changes nothing a consumer sees:
/// `XMLStreamReader` merges adjacent character data and CDATA into one text.
///
/// The scanner follows just enough XML to know when it is inside CDATA: comments, processing
/// instructions and the DOCTYPE (quotes, internal subset) are stepped over, and a cut is made
/// only between characters of an encoding where that is safe to see from bytes alone (UTF-8,
/// ASCII, the ISO-8859 and Windows single-byte sets); other documents pass unchanged.
struct XMLCDATASplitter {
    static let sectionLimit = 64 * 1024
    private static let reopen: [UInt8] = Array("]]><![CDATA[".utf8)
    private static let prologueLimit = 512

    private enum State {
        /// Character data or the inside of a tag: waiting for `<`.
        case text
        /// After a `<`: the bytes in `lead` decide what it opens.
        case lead(inSubset: Bool)
        /// Inside a comment or processing instruction, until `count` × `repeated` then `>`.
        case skip(repeated: UInt8, count: Int, matched: Int, inSubset: Bool)
        /// Inside a CDATA section; `matched` bytes of `]]>` seen.
        case cdata(matched: Int)
        /// Inside `<!DOCTYPE …>`, possibly in a quoted literal or the internal subset.
        case doctype(quote: UInt8, inSubset: Bool)
    }

    /// - Parameter decodedToUTF8: the bytes are UTF-8 whatever the declaration says (the
    ///   reader transcoded them); otherwise the declaration decides whether cutting is safe.
    init(decodedToUTF8: Bool = false) {
        if decodedToUTF8 { cuttable = true }
    }

    private var state = State.text
    private var lead: [UInt8] = []
    /// CDATA bytes since the section opened or was last cut.
    private var sectionBytes = 0
    /// Nil until the XML declaration (or its absence) says whether cutting is safe.
    private var cuttable: Bool?
    private var prologue: [UInt8] = []
    private var output: [UInt8] = []
    private var cuts: [Int] = []

    /// Takes note of bytes handed to libxml2 some other way (the first few, with the context).
    mutating func note(_ bytes: UnsafeBufferPointer<UInt8>) {
        pass(bytes) { _ in }
    }

    /// Hands `bytes` to `parse`, with a section break inserted wherever a CDATA section has
    /// grown past `sectionLimit`; `bytes` itself when there is nothing to cut.
    mutating func pass(_ bytes: UnsafeBufferPointer<UInt8>, to parse: (UnsafeBufferPointer<UInt8>) -> Void) {
        if cuttable == nil { readPrologue(bytes) }
        cuts.removeAll(keepingCapacity: true)
        scan(bytes)
        guard !cuts.isEmpty else { return parse(bytes) }
        output.removeAll(keepingCapacity: true)
        var start = 0
        for cut in cuts {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<cut]))
            output.append(contentsOf: Self.reopen)
            start = cut
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        output.withUnsafeBufferPointer(parse)
    }

    // MARK: - Scanning

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var index = 0
        while index < count {
            switch state {
            case .text:
                // Most of a document: jump to the next `<`, and decide from the bytes in hand
                // what it opens; only a `<` at the very end of a chunk takes the slow path.
                guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { return }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                if !openMarkup(base, count: count, at: &index) {
                    lead.removeAll(keepingCapacity: true)
                    state = .lead(inSubset: false)
                }
            case .lead(let inSubset):
                lead.append(base[index])
                index += 1
                decideLead(inSubset: inSubset)
            case .skip(let repeated, let needed, var matched, let inSubset):
                if matched == 0 {
                    // Nothing can end here before the next `-` (or `?`): jump to it.
                    guard let found = memchr(base + index, Int32(repeated), count - index) else { return }
                    index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                let byte = base[index]
                index += 1
                if byte == repeated {
                    matched = min(matched + 1, needed)
                } else if byte == UInt8(ascii: ">") && matched == needed {
                    state = inSubset ? .doctype(quote: 0, inSubset: true) : .text
                    continue
                } else {
                    matched = 0
                }
                state = .skip(repeated: repeated, count: needed, matched: matched, inSubset: inSubset)
            case .cdata(let matched):
                index = scanCDATA(base, count: count, from: index, matched: matched)
            case .doctype(let quote, let inSubset):
                index = scanDoctype(base[index], at: index, quote: quote, inSubset: inSubset)
            }
        }
    }

    /// Decides what the `<` just before `index` opens from the bytes that follow it in this
    /// chunk, stepping past the opening; false when there are too few of them to tell.
    private mutating func openMarkup(_ base: UnsafePointer<UInt8>, count: Int, at index: inout Int) -> Bool {
        guard index < count else { return false }
        switch base[index] {
        case UInt8(ascii: "!"):
            break
        case UInt8(ascii: "?"):
            state = .skip(repeated: UInt8(ascii: "?"), count: 1, matched: 0, inSubset: false)
            index += 1
            return true
        default:
            return true  // a tag: still text as far as CDATA goes
        }
        let available = count - index
        func opens(_ opening: StaticString) -> Bool {
            available >= opening.utf8CodeUnitCount
                && memcmp(base + index, opening.utf8Start, opening.utf8CodeUnitCount) == 0
        }
        if opens("![CDATA[") {
            state = .cdata(matched: 0)
            sectionBytes = 0
            index += 8
        } else if opens("!--") {
            state = .skip(repeated: UInt8(ascii: "-"), count: 2, matched: 0, inSubset: false)
            index += 3
        } else if available >= 8 {  // enough to know it is neither: a doctype
            state = .doctype(quote: 0, inSubset: false)
            index += 1
        } else {
            return false
        }
        return true
    }

    private static let commentOpening: [UInt8] = Array("!--".utf8)
    private static let cdataOpening: [UInt8] = Array("![CDATA[".utf8)

    /// Decides what the bytes after a `<` open, once enough of them are known.
    private mutating func decideLead(inSubset: Bool) {
        let comment = Self.commentOpening
        let cdata = Self.cdataOpening
        if lead.first == UInt8(ascii: "?") {
            state = .skip(repeated: UInt8(ascii: "?"), count: 1, matched: 0, inSubset: inSubset)
        } else if lead == comment {
            state = .skip(repeated: UInt8(ascii: "-"), count: 2, matched: 0, inSubset: inSubset)
        } else if !inSubset, lead == cdata {
            state = .cdata(matched: 0)
            sectionBytes = 0
        } else if comment.starts(with: lead) || (!inSubset && cdata.starts(with: lead)) {
            return  // not decided yet
        } else if inSubset {
            state = .doctype(quote: 0, inSubset: true)  // a declaration inside the subset
        } else if lead.first == UInt8(ascii: "!") {
            state = .doctype(quote: 0, inSubset: false)
        } else {
            state = .text  // a tag
        }
    }

    /// Steps through CDATA from `index`; returns where it stopped.
    ///
    /// A cut is safe anywhere a character starts, even right after `]` or `]]`: libxml2 ends
    /// the section at the first `]]>`, so `a]` + `]]><![CDATA[` still reads as `a]`.
    private mutating func scanCDATA(
        _ base: UnsafePointer<UInt8>, count: Int, from index: Int, matched: Int
    ) -> Int {
        let byte = base[index]
        if byte == UInt8(ascii: "]") {
            sectionBytes += 1
            state = .cdata(matched: min(matched + 1, 2))
            return index + 1
        }
        if byte == UInt8(ascii: ">") && matched == 2 {
            state = .text
            return index + 1
        }
        // A run without `]`: count it, and cut inside it wherever the section reaches the limit.
        let end =
            memchr(base + index, Int32(UInt8(ascii: "]")), count - index)
            .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
        var counted = index
        if cuttable == true {
            var position = index + max(0, Self.sectionLimit - sectionBytes)
            while position < end {
                // Never inside a UTF-8 sequence: continuation bytes are 10xxxxxx.
                if base[position] & 0xC0 == 0x80 {
                    position += 1
                    continue
                }
                cuts.append(position)
                sectionBytes = 0
                counted = position
                position += Self.sectionLimit
            }
        }
        sectionBytes += end - counted
        state = .cdata(matched: 0)
        return end
    }

    /// Steps through one DOCTYPE byte; returns the next index.
    private mutating func scanDoctype(_ byte: UInt8, at index: Int, quote: UInt8, inSubset: Bool) -> Int {
        if quote != 0 {
            if byte == quote { state = .doctype(quote: 0, inSubset: inSubset) }
            return index + 1
        }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            state = .doctype(quote: byte, inSubset: inSubset)
        case UInt8(ascii: "["):
            state = .doctype(quote: 0, inSubset: true)
        case UInt8(ascii: "]"):
            state = .doctype(quote: 0, inSubset: false)
        case UInt8(ascii: "<") where inSubset:
            lead.removeAll(keepingCapacity: true)
            state = .lead(inSubset: true)
        case UInt8(ascii: ">") where !inSubset:
            state = .text
        default:
            break
        }
        return index + 1
    }

    // MARK: - Encoding

    /// Reads the XML declaration's encoding from the first bytes, across calls if need be.
    private mutating func readPrologue(_ bytes: UnsafeBufferPointer<UInt8>) {
        prologue.append(contentsOf: bytes.prefix(Self.prologueLimit - prologue.count))
        var text = prologue[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        let declaration = Array("<?xml".utf8)
        guard text.starts(with: declaration) else {
            // Wait for five bytes before deciding that there is no declaration.
            guard text.count >= declaration.count || !declaration.starts(with: text) else { return }
            // No declaration means UTF-8; a UTF-16 or UTF-32 mark (or anything else) means
            // the bytes are not ASCII-compatible: leave them alone.
            decide(text.first == UInt8(ascii: "<"))
            return
        }
        if let end = text.firstRange(of: Array("?>".utf8)) {
            let encoding = Self.encodingName(in: Array(text[..<end.lowerBound]))
            decide(encoding.map(Self.isByteSafe) ?? true)
        } else if prologue.count >= Self.prologueLimit {
            decide(false)
        }
    }

    private mutating func decide(_ safe: Bool) {
        cuttable = safe
        prologue = []
    }

    /// The lower-cased `encoding="…"` value of an XML declaration, if it has one.
    static func encodingName(in declaration: [UInt8]) -> String? {
        guard let key = declaration.firstRange(of: Array("encoding".utf8)) else { return nil }
        var rest = declaration[key.upperBound...].drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard rest.first == UInt8(ascii: "=") else { return nil }
        rest = rest.dropFirst().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return String(decoding: value, as: UTF8.self).lowercased()
    }

    /// Encodings where no byte below 0x80 is ever part of a multi-byte character, and where
    /// a byte outside 0x80–0xBF always starts one.
    static func isByteSafe(_ encoding: String) -> Bool {
        ["utf-8", "utf8", "us-ascii", "ascii", "latin1", "iso-latin-1"].contains(encoding)
            || encoding.hasPrefix("iso-8859-") || encoding.hasPrefix("windows-125") || encoding.hasPrefix("cp125")
    }
}
