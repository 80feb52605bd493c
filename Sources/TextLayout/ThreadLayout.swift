import BlogModel

/// Lays out comment threads: tree guides, headers, wrapped bodies, folds and drafts.
///
/// Indentation is capped (`maxIndentLevels`); deeper comments show their real depth as
/// `⟨12⟩`. Only the rows asked for are laid out, so a 5,000-comment thread costs no more
/// than the handful of rows on screen.
public enum ThreadLayout {
    /// Deepest level that still indents; deeper comments line up with it.
    public static let maxIndentLevels = 6

    /// A reply not yet in the thread, shown under the comment it answers (nil: on the post):
    /// a draft, or a comment the user sent that no sync has brought yet (`isSent`).
    public struct PendingDraft: Equatable, Sendable {
        public var parentRow: Int?
        public var text: String
        public var label: String
        public var isSent: Bool

        public init(parentRow: Int?, text: String, label: String = "draft", isSent: Bool = false) {
            self.parentRow = parentRow
            self.text = text
            self.label = label
            self.isSent = isSent
        }

        /// `draft` answering the comment at `parentRow`, labelled "draft by Ann · queued"; a
        /// sent comment, in the thread as its own, "Ann · yours, sent".
        public init(_ draft: Draft, parentRow: Int?) {
            let name = TerminalSafeText.sanitize(draft.authorName)
            let label =
                draft.state == .sent
                ? "\(name.isEmpty ? "You" : name) · \(ThreadLayout.sentNote(awaitingModeration: draft.isAwaitingModeration))"
                : "draft by \(name.isEmpty ? "you" : name) · \(draft.state.rawValue)"
            self.init(parentRow: parentRow, text: draft.body, label: label, isSent: draft.state == .sent)
        }
    }

    /// How a comment the user sent is marked until the sync brings it: "yours, awaiting
    /// moderation" while the blog holds it, else "yours, sent".
    public static func sentNote(awaitingModeration: Bool) -> String {
        awaitingModeration ? "yours, awaiting moderation" : "yours, sent"
    }

    /// Indent levels shown at `width`: the cap, reduced so the text keeps 20 columns.
    public static func indentCap(width: Int) -> Int {
        max(1, min(maxIndentLevels, (width - 20) / 3))
    }

    /// Guide text before the header of the comment at `row`: "│  ├─ ".
    public static func headerGuides(
        _ thread: CommentThread, row: Int, cap: Int, hasLaterSibling: (Int) -> Bool
    ) -> String {
        guides(thread, row: row, cap: cap, hasLaterSibling: hasLaterSibling, own: ("├─ ", "└─ "))
    }

    /// Guide text before the body lines of the comment at `row`: "│  │  ".
    public static func bodyGuides(
        _ thread: CommentThread, row: Int, cap: Int, hasLaterSibling: (Int) -> Bool
    ) -> String {
        guides(thread, row: row, cap: cap, hasLaterSibling: hasLaterSibling, own: ("│  ", "   "))
    }

    /// The ancestors' continuation marks, then `own` — the first when more siblings follow.
    private static func guides(
        _ thread: CommentThread, row: Int, cap: Int, hasLaterSibling: (Int) -> Bool,
        own: (more: String, last: String)
    ) -> String {
        let depth = thread.rows[row].depth
        guard depth > 0 else { return "" }
        return ancestorGuides(
            thread, from: thread.rows[row].parentRow, levels: min(depth, cap) - 1,
            hasLaterSibling: hasLaterSibling)
            + (hasLaterSibling(row) ? own.more : own.last)
    }

    /// Continuation marks for indent levels 1...levels, walking up from `ancestor`:
    /// "│  " where the ancestor at that level has more siblings below.
    static func ancestorGuides(
        _ thread: CommentThread, from ancestor: Int?, levels: Int, hasLaterSibling: (Int) -> Bool
    ) -> String {
        guard levels > 0 else { return "" }
        var marks = [String](repeating: "   ", count: levels)
        var ancestor = ancestor
        while let current = ancestor {
            let depth = thread.rows[current].depth
            if depth < 1 { break }
            if depth <= levels { marks[depth - 1] = hasLaterSibling(current) ? "│  " : "   " }
            ancestor = thread.rows[current].parentRow
        }
        return marks.joined()
    }

    /// The header runs after the guides: depth badge, author, date, markers and fold state.
    public static func headerRuns(
        _ comment: Comment, depth: Int, cap: Int, fold: Fold
    ) -> [TextRun] {
        var runs: [TextRun] = []
        if depth > cap { runs.append(TextRun("⟨\(depth)⟩ ", role: .threadGuide)) }
        switch fold {
        case .leaf: break
        case .expanded: runs.append(TextRun("▾ ", role: .collapsed))
        case .collapsed: runs.append(TextRun("▸ ", role: .collapsed))
        }
        let author = TerminalSafeText.sanitize(comment.author)
        let name = author.isEmpty ? "Anonymous" : author
        // The post's author is told apart by words as well as by style, for mono terminals.
        if comment.marks.contains(.postAuthor) {
            runs.append(TextRun(name + " (author)", role: .commentPostAuthor))
        } else {
            runs.append(TextRun(name, role: .commentAuthor))
        }
        let date = DateText.minute(comment.published)
        if !date.isEmpty { runs.append(TextRun("  " + date, role: .commentDate)) }
        if comment.kind != .comment { runs.append(TextRun("  " + comment.kind.rawValue, role: .pingback)) }
        if comment.marks.contains(.mine) { runs.append(TextRun("  you", role: .commentDate)) }
        if comment.marks.contains(.replyToMe) { runs.append(TextRun("  ↩ reply to you", role: .commentNew)) }
        let muted = comment.marks.contains(.muted)
        if muted { runs.append(TextRun("  muted", role: .commentMuted)) }
        if comment.isNew && !muted { runs.append(TextRun("  new", role: .commentNew)) }
        if case .collapsed(let replies, let new, let drafts) = fold {
            var text = "  ▸ \(replies) \(replies == 1 ? "reply" : "replies")"
            if new > 0 { text += ", \(new) new" }
            if drafts > 0 { text += ", \(drafts) \(drafts == 1 ? "draft" : "drafts")" }
            runs.append(TextRun(text, role: .collapsed))
        }
        return runs
    }

    /// Whether a comment has replies, and whether they are folded away.
    public enum Fold: Equatable, Sendable {
        case leaf
        case expanded
        case collapsed(replies: Int, new: Int, drafts: Int = 0)

        /// True when the replies are folded away.
        public var isCollapsed: Bool {
            if case .collapsed = self { return true }
            return false
        }
    }
}
