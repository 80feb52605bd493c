import BlogModel

/// Collects the spans of one paragraph, collapsing whitespace the way a browser does.
///
/// A hard line break (`<br>`) is a span of its own whose text is exactly "\n", with no style
/// and no link; it is never merged with its neighbours, and breaks at the start or end of a
/// paragraph are dropped. Every other span is free of newlines and control characters.
struct HTMLParagraphBuilder {
    private(set) var spans: [RichSpan] = []
    /// Whitespace was seen and will become one space if more text follows on this line.
    private var pendingSpace = false
    /// Where the pending whitespace was written: the space gets no style that its own place lacks.
    private var pendingSpaceStyle: RichSpan.Style = []
    private var pendingSpaceLink: Int?

    var isEmpty: Bool { spans.isEmpty }

    /// True at the start of the paragraph or right after a hard break, where spaces vanish.
    private var atLineStart: Bool {
        guard let last = spans.last else { return true }
        return Self.isBreak(last)
    }

    static func isBreak(_ span: RichSpan) -> Bool {
        span.text == "\n" && span.style.isEmpty && span.link == nil
    }

    static func isCollapsibleSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// Adds decoded UTF-8 text, turning each run of whitespace into at most one space.
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>, style: RichSpan.Style, link: Int?) {
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(bytes.count)
        for byte in bytes {
            if Self.isCollapsibleSpace(byte) {
                if !pendingSpace { markSpace(style: style, link: link) }
                continue
            }
            if pendingSpace {
                pendingSpace = false
                if !collapsed.isEmpty {
                    collapsed.append(0x20)
                } else {
                    emitPendingSpace(before: style, link: link)
                }
            }
            collapsed.append(byte)
        }
        guard !collapsed.isEmpty else { return }
        let text = TerminalSafeText.sanitize(String(decoding: collapsed, as: UTF8.self))
        append(text, style: style, link: link)
    }

    /// Adds text that stands as one piece (an image marker, a cell separator); a separator
    /// that carries its own spaces absorbs the pending one.
    mutating func appendAtom(_ text: String, style: RichSpan.Style, link: Int?, absorbsSpace: Bool = false) {
        if absorbsSpace { pendingSpace = false }
        if pendingSpace {
            pendingSpace = false
            emitPendingSpace(before: style, link: link)
        }
        append(TerminalSafeText.sanitize(text), style: style, link: link)
    }

    /// Marks a word boundary without adding text (a block edge inside a table cell).
    mutating func appendSpace() {
        if !pendingSpace { markSpace(style: [], link: nil) }
    }

    private mutating func markSpace(style: RichSpan.Style, link: Int?) {
        pendingSpace = true
        pendingSpaceStyle = style
        pendingSpaceLink = link
    }

    mutating func appendBreak() {
        pendingSpace = false
        spans.append(RichSpan("\n"))
    }

    /// The finished paragraph without leading or trailing breaks, or nil when nothing is left.
    mutating func finish() -> [RichSpan]? {
        defer {
            spans = []
            pendingSpace = false
        }
        // One cut for all leading breaks: removing them one by one from the front moves the
        // rest each time (quadratic for `<br>` repeated 100,000 times).
        guard let first = spans.firstIndex(where: { !Self.isBreak($0) }) else { return nil }
        let last = spans.lastIndex(where: { !Self.isBreak($0) })!
        let kept = Array(spans[first...last])
        guard kept.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) else { return nil }
        return kept
    }

    /// The space between two runs takes only what both sides and its own place share, so a
    /// link's underline does not spill onto the gap after it.
    private mutating func emitPendingSpace(before style: RichSpan.Style, link: Int?) {
        guard !atLineStart, let previous = spans.last else { return }
        let sharedLink = previous.link == link && pendingSpaceLink == link ? link : nil
        var sharedStyle = previous.style.intersection(style).intersection(pendingSpaceStyle)
        if sharedLink == nil { sharedStyle.remove(.link) }
        append(" ", style: sharedStyle, link: sharedLink)
    }

    private mutating func append(_ text: String, style: RichSpan.Style, link: Int?) {
        if let last = spans.indices.last, !Self.isBreak(spans[last]), spans[last].style == style,
            spans[last].link == link
        {
            spans[last].text += text
        } else {
            spans.append(RichSpan(text, style: style, link: link))
        }
    }
}
