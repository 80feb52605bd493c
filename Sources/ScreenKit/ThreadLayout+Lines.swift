import BlogModel
import TextLayout

extension ThreadLayout {
    /// Lines for `rows` (visible row indices, in order): each comment's header, then its
    /// text wrapped under the guides, a guide line between comments; drafts follow the
    /// subtree they answer. `ThreadViewport` lays out the same lines a screenful at a time.
    ///
    /// - Parameters:
    ///   - fold: the fold state of a row (default: every row with replies is expanded).
    ///   - text: the comment's text as `RichText`, asked only for the rows laid out.
    ///   - selectedRow: its header is drawn in `commentSelected` across the width.
    public static func lines(
        thread: CommentThread, rows: [Int], width: Int, selectedRow: Int? = nil,
        fold: ((Int) -> Fold)? = nil, drafts: [PendingDraft] = [],
        text: (Int) -> RichText
    ) -> [TextLine] {
        let width = max(10, width)
        let cap = indentCap(width: width)
        var draftsByParent: [Int: [PendingDraft]] = [:]
        var topDrafts: [PendingDraft] = []
        for draft in drafts {
            if let parent = draft.parentRow, thread.rows.indices.contains(parent) {
                draftsByParent[parent, default: []].append(draft)
            } else {
                topDrafts.append(draft)
            }
        }
        let hasLaterSibling = laterSiblingTest(thread, parentsWithDrafts: Set(draftsByParent.keys))
        let foldOf: (Int) -> Fold = fold ?? { row in
            thread.rows[row].descendantCount > 0 ? .expanded : .leaf
        }
        var out: [TextLine] = []
        // Rows whose subtree is still open, so their drafts go in after the subtree ends.
        var open: [Int] = []
        func closeSubtrees(before row: Int?) {
            while let last = open.last, row.map({ !thread.subtree(of: last).contains($0) }) ?? true {
                open.removeLast()
                let pending = draftsByParent[last] ?? []
                for (index, draft) in pending.enumerated() {
                    out.append(separatorLine(thread, parent: last, cap: cap, hasLaterSibling: hasLaterSibling))
                    out += draftLines(
                        draft, thread: thread, parent: last, isLast: index == pending.count - 1, cap: cap,
                        width: width, hasLaterSibling: hasLaterSibling)
                }
            }
        }
        for row in rows {
            closeSubtrees(before: row)
            if !out.isEmpty {
                out.append(separatorLine(thread, parent: thread.rows[row].parentRow, cap: cap, hasLaterSibling: hasLaterSibling))
            }
            out += commentLines(
                thread: thread, row: row, cap: cap, width: width, selected: row == selectedRow,
                fold: foldOf(row), text: text(row), hasLaterSibling: hasLaterSibling)
            open.append(row)
        }
        closeSubtrees(before: nil)
        for (index, draft) in topDrafts.enumerated() {
            if !out.isEmpty { out.append(.blank) }
            out += draftLines(
                draft, thread: thread, parent: nil, isLast: index == topDrafts.count - 1, cap: cap,
                width: width, hasLaterSibling: hasLaterSibling)
        }
        return out
    }

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
        header.runs += headerRuns(thread.comment(at: row), depth: depth, cap: cap, fold: fold)
        if selected { header = highlighted(header, width: width) }
        let guides = bodyGuides(thread, row: row, cap: cap, hasLaterSibling: hasLaterSibling)
        let body = ArticleLayout.lines(header: nil, body: text, width: width - guides.count)
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
