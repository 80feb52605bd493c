import BlogModel

extension RichText {
    /// Roughly how many lines the text takes at `width` columns; bounds article scrolling.
    ///
    /// Counts characters, not display cells, so wide scripts come out short; the renderer
    /// clamps the last screenful exactly.
    func estimatedLineCount(width: Int) -> Int {
        blocks.reduce(0) { $0 + Self.lines(of: $1, width: width) + 1 }
    }

    private static func lines(of block: RichBlock, width: Int) -> Int {
        func wrapped(_ spans: [RichSpan]) -> Int {
            let length = spans.reduce(0) { $0 + $1.text.count }
            return max(1, (length + width - 1) / width)
        }
        switch block {
        case .paragraph(let spans), .heading(_, let spans): return wrapped(spans)
        case .list(_, let items):
            return items.reduce(0) { total, item in
                total + item.reduce(0) { $0 + lines(of: $1, width: max(1, width - 2)) }
            }
        case .quote(let blocks):
            return blocks.reduce(0) { $0 + lines(of: $1, width: max(1, width - 2)) + 1 }
        case .preformatted(let text): return text.split(separator: "\n", omittingEmptySubsequences: false).count
        case .rule: return 1
        }
    }
}
