import BlogModel

extension ThreadLayout {
    /// The whole thread as text for `lectern show`: each comment's header and text,
    /// indented two spaces per level (capped at `maxIndentLevels`, with `⟨depth⟩` beyond).
    ///
    /// - Parameter note: words to add to a row's header ("yours, sent"), if any.
    public static func plainText(
        thread: CommentThread, width: Int, note: (Int) -> String? = { _ in nil }, text: (Int) -> RichText
    ) -> String {
        var blocks: [String] = []
        for row in thread.rows.indices {
            blocks.append(plainText(thread: thread, row: row, width: width, note: note(row), text: text(row)))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// One comment as text, indented for its depth: what `show --json` puts in `text` is
    /// `commentText`; this adds the header (and `note` after it) for the printed thread.
    public static func plainText(
        thread: CommentThread, row: Int, width: Int, note: String? = nil, text: RichText
    ) -> String {
        let comment = thread.comment(at: row)
        let depth = thread.rows[row].depth
        let indent = String(repeating: "  ", count: min(depth, maxIndentLevels))
        var header = TextLine()
        header.runs = headerRuns(comment, depth: depth, cap: maxIndentLevels, fold: .leaf)
        if let note { header.append("  " + TerminalSafeText.sanitize(note), role: .draft) }
        let body = ArticleLayout.lines(header: nil, body: text, width: max(20, width - indent.count))
        return ([indent + header.text] + body.map { indent + $0.text })
            .map { line in
                var line = line
                while line.last == " " { line.removeLast() }
                return line
            }.joined(separator: "\n")
    }

    /// A comment's text alone, wrapped to `width` without indentation (the JSON `text` field).
    public static func commentText(_ text: RichText, width: Int) -> String {
        ArticleLayout.plainText(header: nil, body: text, width: width)
    }
}
