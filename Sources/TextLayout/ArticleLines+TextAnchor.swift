extension ArticleLines {
    /// Characters of text before `line`, spaces left out: wrapping at another width moves
    /// spaces and line breaks but keeps the rest, so this names a place in the text itself.
    public func textOffset(ofLine line: Int) -> Int {
        lines.prefix(max(0, line)).reduce(0) { $0 + Self.textCount($1) }
    }

    /// The line that holds the text at `offset` (as `textOffset` counts); the last line past the end.
    public func line(atTextOffset offset: Int) -> Int {
        var before = 0
        for (index, line) in lines.enumerated() {
            before += Self.textCount(line)
            if before > offset { return index }
        }
        return max(0, lines.count - 1)
    }

    /// The line here that shows the text `other` (the same post laid out at another width)
    /// shows at its `line`.
    public func line(showing line: Int, of other: ArticleLines) -> Int {
        guard line > 0 else { return 0 }
        return self.line(atTextOffset: other.textOffset(ofLine: line))
    }

    private static func textCount(_ line: TextLine) -> Int {
        line.text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
    }
}
