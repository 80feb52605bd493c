/// Rewrites HTML nested too deep for libxml2 into markup that cannot nest: its text, with
/// paragraphs, line breaks, rules, images and links kept, and nothing else.
///
/// libxml2's HTML parser scans its whole stack of open elements for every end tag that does
/// not close the innermost one, and for every `<body>`: 100,000 open `div`s followed by as
/// many stray `</p>`s take it minutes. `HTMLSAXParser` stops a parse whose nesting passes
/// `HTMLSAXParser.maximumDepth` and parses this flat version instead — a degraded rendering,
/// but only of bodies no editor writes.
enum HTMLNestingFlattener {
    static func flatten(_ html: String) -> String {
        var scanner = Scanner(Array(html.utf8))
        scanner.run()
        return String(decoding: scanner.output, as: UTF8.self)
    }

    private struct Scanner {
        let input: [UInt8]
        var index = 0
        var output: [UInt8] = []
        var linkOpen = false

        init(_ input: [UInt8]) {
            self.input = input
            output.reserveCapacity(input.count)
        }

        mutating func run() {
            while index < input.count {
                let byte = input[index]
                guard byte == UInt8(ascii: "<"), index + 1 < input.count else {
                    output.append(byte)
                    index += 1
                    continue
                }
                let next = input[index + 1]
                if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                    skipDeclaration()
                } else if Self.isLetter(next)
                    || (next == UInt8(ascii: "/") && index + 2 < input.count && Self.isLetter(input[index + 2]))
                {
                    tag()
                } else {
                    output.append(byte)  // "a < b"
                    index += 1
                }
            }
            if linkOpen { output.append(contentsOf: Array("</a>".utf8)) }
        }

        /// Drops a comment, doctype or processing instruction.
        private mutating func skipDeclaration() {
            let isComment = input[index...].starts(with: Array("<!--".utf8))
            let start = index + (isComment ? 4 : 2)
            let terminator: [UInt8] = isComment ? Array("-->".utf8) : [UInt8(ascii: ">")]
            index = Self.find(terminator, in: input, from: start).map { $0 + terminator.count } ?? input.count
        }

        /// Keeps, rewrites or drops one tag.
        private mutating func tag() {
            let start = index
            let closing = input[index + 1] == UInt8(ascii: "/")
            var cursor = index + (closing ? 2 : 1)
            let nameStart = cursor
            while cursor < input.count, Self.isLetter(input[cursor]) || (input[cursor] >= 0x30 && input[cursor] <= 0x39)
            {
                cursor += 1
            }
            let name = String(decoding: input[nameStart..<cursor].map(Self.lowercase), as: UTF8.self)
            index = Self.tagEnd(in: input, from: cursor)
            let role = HTMLTagRole(tag: name)
            switch role {
            case .hidden where !closing:
                // Its content is never shown: drop it with the element.
                let close = Array("</\(name)".utf8)
                index =
                    Self.find(close, in: input, from: index, caseInsensitive: true)
                    .map { Self.tagEnd(in: input, from: $0 + close.count) } ?? input.count
            case .anchor:
                if linkOpen { output.append(contentsOf: Array("</a>".utf8)) }
                linkOpen = !closing
                if !closing { output.append(contentsOf: input[start..<index]) }
            case .lineBreak, .rule, .image:
                if !closing { output.append(contentsOf: input[start..<index]) }
            case .block, .heading, .preformatted, .list, .listItem, .quote, .tableRow, .term, .caption:
                // Paragraphs close each other in libxml2, so they never nest.
                output.append(contentsOf: Array("<p>".utf8))
            case .tableCell:
                if !closing { output.append(UInt8(ascii: " ")) }  // cells stay apart
            case .hidden, .inline, .transparent:
                break
            }
        }

        /// The index just past the `>` that ends the tag whose name ends at `from`, quotes
        /// respected; the end of the input when there is none.
        static func tagEnd(in input: [UInt8], from: Int) -> Int {
            var quote: UInt8 = 0
            var cursor = from
            while cursor < input.count {
                let byte = input[cursor]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return cursor + 1
                }
                cursor += 1
            }
            return input.count
        }

        /// The index of the first `needle` at or after `from`.
        static func find(_ needle: [UInt8], in input: [UInt8], from: Int, caseInsensitive: Bool = false) -> Int? {
            guard let first = needle.first, needle.count <= input.count else { return nil }
            var cursor = from
            while cursor + needle.count <= input.count {
                if input[cursor] == first,
                    needle.indices.allSatisfy({ offset in
                        let byte = input[cursor + offset]
                        return (caseInsensitive ? lowercase(byte) : byte) == needle[offset]
                    })
                {
                    return cursor
                }
                cursor += 1
            }
            return nil
        }

        static func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }

        static func lowercase(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
        }
    }
}
