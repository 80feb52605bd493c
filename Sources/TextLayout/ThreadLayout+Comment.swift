import BlogModel

extension ThreadLayout {
    /// Whether a row has a later sibling, counting drafts as the last replies of their parent.
    static func laterSiblingTest(_ thread: CommentThread, parentsWithDrafts: Set<Int>) -> (Int) -> Bool {
        { row in
            if thread.nextSibling(of: row) != nil { return true }
            guard let parent = thread.rows[row].parentRow else { return false }
            return parentsWithDrafts.contains(parent)
        }
    }

    /// One comment: its header (guides, depth badge, fold, author, date, markers;
    /// highlighted when selected), then its text wrapped under the guides.
    static func commentLines(
        thread: CommentThread, row: Int, cap: Int, width: Int, selected: Bool, fold: Fold,
        text: RichText, hasLaterSibling: (Int) -> Bool
    ) -> [TextLine] {
        let depth = thread.rows[row].depth
        var header = TextLine()
        header.append(headerGuides(thread, row: row, cap: cap, hasLaterSibling: hasLaterSibling), role: .threadGuide)
        let comment = thread.comment(at: row)
        // A muted comment is shown only when asked for (`V`), and then dimmed throughout.
        let muted = comment.marks.contains(.muted)
        let runs = headerRuns(comment, depth: depth, cap: cap, fold: fold)
        header.runs += muted ? TextLine(runs).with(role: .commentMuted).runs : runs
        if selected { header = highlighted(header, width: width) }
        let guides = bodyGuides(thread, row: row, cap: cap, hasLaterSibling: hasLaterSibling)
        var body = ArticleLayout.lines(header: nil, body: text, width: width - guides.count)
        if muted { body = body.map { $0.with(role: .commentMuted) } }
        let prefix = [TextRun(guides, role: .threadGuide)]
        return [header] + body.map { $0.prefixed(by: prefix) }
    }

    /// The guide line before a reply to `parent` (nil: a top-level comment, and a blank
    /// line): the ancestors' continuation marks and "│" down to the reply's connector.
    static func separatorLine(
        _ thread: CommentThread, parent: Int?, cap: Int, hasLaterSibling: (Int) -> Bool
    ) -> TextLine {
        guard let parent else { return .blank }
        let shown = min(thread.rows[parent].depth + 1, cap)
        let guides = ancestorGuides(thread, from: parent, levels: shown - 1, hasLaterSibling: hasLaterSibling)
        return TextLine(guides + "│", role: .threadGuide)
    }

    /// `line` with every run in `commentSelected`, padded to `width`.
    static func highlighted(_ line: TextLine, width: Int) -> TextLine {
        var out = line.with(role: .commentSelected)
        let pad = width - out.width
        if pad > 0 { out.append(String(repeating: " ", count: pad), role: .commentSelected) }
        return out
    }

    /// A draft node: "✎ label" ("✓ label" for a sent comment) on a connector, then its text,
    /// both in the `draft` role.
    static func draftLines(
        _ draft: PendingDraft, thread: CommentThread, parent: Int?, isLast: Bool, cap: Int,
        width: Int, hasLaterSibling: (Int) -> Bool
    ) -> [TextLine] {
        let depth = parent.map { thread.rows[$0].depth + 1 } ?? 0
        let shown = min(depth, cap)
        let guides = ancestorGuides(
            thread, from: parent, levels: max(0, shown - 1), hasLaterSibling: hasLaterSibling)
        let connector = depth == 0 ? "" : (isLast ? "└─ " : "├─ ")
        var header = TextLine()
        header.append(guides + connector, role: .threadGuide)
        header.append((draft.isSent ? "✓ " : "✎ ") + TerminalSafeText.sanitize(draft.label), role: .draft)
        let bodyGuides = guides + (depth == 0 ? "" : (isLast ? "   " : "│  "))
        let body = TextWrapper.wrap(
            TerminalSafeText.sanitize(draft.text, keepNewlines: true), role: .draft,
            width: width - bodyGuides.count)
        return [header] + body.map { $0.prefixed(by: [TextRun(bodyGuides, role: .threadGuide)]) }
    }
}
