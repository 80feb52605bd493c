/// Turns the blank lines and single newlines of a WordPress classic-editor body into
/// paragraphs and line breaks, as WordPress's `wpautop` does when it displays a post.
///
/// WXR stores `post_content` raw: "First line\nsecond line\n\nNext paragraph" with no `<p>`.
/// Bodies that are already structured HTML, and block-editor bodies (`<!-- wp:… -->`), come
/// back unchanged.
enum HTMLAutoParagraph {
    static let blockTags: Set<String> = [
        "table", "thead", "tfoot", "caption", "col", "colgroup", "tbody", "tr", "td", "th", "div",
        "dl", "dd", "dt", "ul", "ol", "li", "pre", "form", "map", "area", "blockquote", "address",
        "math", "style", "p", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "fieldset", "legend",
        "section", "article", "aside", "hgroup", "header", "footer", "nav", "figure", "figcaption",
        "details", "menu", "summary", "script", "textarea", "iframe", "object", "noscript", "template",
    ]
    /// Elements whose content is copied verbatim: newlines there are not line breaks.
    static let verbatimTags: Set<String> = ["pre", "script", "style", "textarea", "svg", "math"]
    /// Blocks that are themselves paragraphs: their newlines are the author's source layout.
    static let paragraphTags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6"]

    /// `html` with paragraphs and breaks made explicit, or `html` itself when it has no
    /// newline that separates text outside a paragraph.
    static func apply(_ html: String) -> String {
        guard html.utf8.contains(UInt8(ascii: "\n")), !html.containsBytes("<!-- wp:") else { return html }
        var scanner = HTMLAutoParagraphScanner(Array(html.utf8))
        scanner.run()
        return scanner.changedLayout ? String(decoding: scanner.output, as: UTF8.self) : html
    }
}

/// The single pass behind `HTMLAutoParagraph`: copies block tags, wraps the text between them.
struct HTMLAutoParagraphScanner {
    private let input: [UInt8]
    private var index = 0
    private(set) var output: [UInt8] = []
    /// Text and inline tags since the last block tag; newlines inside tags already blanked.
    private var inline: [UInt8] = []
    private var openBlocks: [String] = []
    /// How many of each name `openBlocks` holds, so a closing tag for a block that is not
    /// open costs nothing instead of a search through every open one (quadratic when a body
    /// opens 100,000 `div`s and closes as many `p`s).
    private var openCounts: [String: Int] = [:]
    /// True once a newline was found that `wpautop` would turn into a paragraph or a break.
    private(set) var changedLayout = false

    init(_ input: [UInt8]) {
        self.input = input.filter { $0 != UInt8(ascii: "\r") }
        output.reserveCapacity(input.count + input.count / 8)
    }

    mutating func run() {
        while index < input.count {
            if input[index] == UInt8(ascii: "<"), let end = tagEnd(from: index) {
                let start = index
                index = end
                handleTag(from: start, to: end)
            } else {
                inline.append(input[index])
                index += 1
            }
        }
        flushInline()
    }

    private mutating func handleTag(from start: Int, to end: Int) {
        let (name, isClosing) = tagName(from: start)
        if input[start + 1] == UInt8(ascii: "!") || HTMLAutoParagraph.blockTags.contains(name) {
            flushInline()
            output.append(contentsOf: input[start..<end])
            guard !name.isEmpty else { return }
            if isClosing {
                guard openCounts[name, default: 0] > 0, let open = openBlocks.lastIndex(of: name) else { return }
                // Each block is searched past at most once before it is removed: linear overall.
                for closed in openBlocks[open...] { openCounts[closed, default: 0] -= 1 }
                openBlocks.removeSubrange(open...)
            } else if HTMLAutoParagraph.verbatimTags.contains(name) {
                copyVerbatim(until: name)
            } else if name != "hr" {
                openBlocks.append(name)
                openCounts[name, default: 0] += 1
            }
        } else {
            for byte in input[start..<end] {
                inline.append(byte == UInt8(ascii: "\n") ? UInt8(ascii: " ") : byte)
            }
        }
    }

    /// Copies everything up to and including `</name>` unchanged.
    private mutating func copyVerbatim(until name: String) {
        let closing = Array("</\(name)".utf8)
        var cursor = index
        while cursor < input.count {
            if input[cursor] == UInt8(ascii: "<"), cursor + closing.count <= input.count,
                input[cursor..<(cursor + closing.count)].map(Self.lowercase).elementsEqual(closing)
            {
                break
            }
            cursor += 1
        }
        let stop = cursor < input.count ? (tagEnd(from: cursor) ?? input.count) : input.count
        output.append(contentsOf: input[index..<stop])
        index = stop
    }

    private mutating func flushInline() {
        defer { inline.removeAll(keepingCapacity: true) }
        let trimmed = inline.drop(while: Self.isSpace).reversed().drop(while: Self.isSpace).reversed()
        guard !trimmed.isEmpty else {
            output.append(contentsOf: inline)
            return
        }
        if let context = openBlocks.last, HTMLAutoParagraph.paragraphTags.contains(context) {
            output.append(contentsOf: inline)
            return
        }
        if trimmed.contains(UInt8(ascii: "\n")) { changedLayout = true }
        for paragraph in Self.paragraphs(Array(trimmed)) {
            output.append(contentsOf: Array("<p>".utf8))
            for byte in paragraph {
                if byte == UInt8(ascii: "\n") { output.append(contentsOf: Array("<br>".utf8)) }
                output.append(byte)
            }
            output.append(contentsOf: Array("</p>\n".utf8))
        }
    }

    /// Splits at blank lines; each piece is trimmed and non-empty.
    private static func paragraphs(_ text: [UInt8]) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        var start = text.startIndex
        var position = text.startIndex
        while let line = lines.popFirst() {
            let lineEnd = position + line.count
            if line.allSatisfy(isSpace) {
                let piece = text[start..<max(start, position)]
                let trimmed = trim(piece)
                if !trimmed.isEmpty { pieces.append(trimmed) }
                start = min(lineEnd + 1, text.endIndex)
            }
            position = min(lineEnd + 1, text.endIndex)
        }
        let trimmed = trim(text[start..<text.endIndex])
        if !trimmed.isEmpty { pieces.append(trimmed) }
        return pieces
    }

    private static func trim(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = slice
        while let first = slice.first, isSpace(first) { slice.removeFirst() }
        while let last = slice.last, isSpace(last) { slice.removeLast() }
        return slice
    }

    /// The index just past the `>` of the tag or comment starting at `start`, or nil when
    /// the `<` does not start markup (as in "a < b").
    private func tagEnd(from start: Int) -> Int? {
        guard start + 1 < input.count else { return nil }
        let next = input[start + 1]
        if next == UInt8(ascii: "!") {
            let isComment =
                start + 3 < input.count && input[start + 2] == UInt8(ascii: "-")
                && input[start + 3] == UInt8(ascii: "-")
            let terminator = isComment ? Array("-->".utf8) : [UInt8(ascii: ">")]
            var cursor = start + 2
            while cursor + terminator.count <= input.count {
                if input[cursor..<(cursor + terminator.count)].elementsEqual(terminator) {
                    return cursor + terminator.count
                }
                cursor += 1
            }
            return input.count
        }
        guard
            Self.isLetter(next)
                || (next == UInt8(ascii: "/") && start + 2 < input.count && Self.isLetter(input[start + 2]))
        else { return nil }
        var quote: UInt8?
        var cursor = start + 1
        while cursor < input.count {
            let byte = input[cursor]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return cursor + 1
            }
            cursor += 1
        }
        return input.count
    }

    private func tagName(from start: Int) -> (String, Bool) {
        var cursor = start + 1
        let isClosing = cursor < input.count && input[cursor] == UInt8(ascii: "/")
        if isClosing { cursor += 1 }
        let nameStart = cursor
        while cursor < input.count, Self.isLetter(input[cursor]) || (input[cursor] >= 0x30 && input[cursor] <= 0x39) {
            cursor += 1
        }
        return (String(decoding: input[nameStart..<cursor].map(Self.lowercase), as: UTF8.self), isClosing)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
    }
}
