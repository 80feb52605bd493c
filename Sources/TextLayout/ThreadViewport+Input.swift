import BlogModel

extension ThreadViewport {
    /// What the thread layout needs to know, as plain values: the thread, what is folded and
    /// selected, where the pane was scrolled to, and the drafts shown in it.
    ///
    /// `fold` and `text` are asked only about the comments laid out, so a 5,000-comment
    /// thread costs what the screen shows.
    public struct Input {
        public var thread: CommentThread
        /// Row indices (into `thread.rows`) shown, in order: folded replies left out.
        public var visibleRows: [Int]
        /// Row index of the selected comment.
        public var selectedRow: Int
        /// Index into `visibleRows` of the comment asked to be drawn first.
        public var top: Int
        /// Lines of the top comment scrolled off above the pane; 0 shows its header.
        public var lineOffset: Int
        /// Whether the comment at a row has replies, and whether they are folded away.
        public var fold: (Int) -> ThreadLayout.Fold
        /// The text of the comment at a row.
        public var text: (Int) -> RichText
        /// Drafts and sent comments shown in the thread, each under the row it answers.
        public var drafts: [ThreadLayout.PendingDraft]
        /// What a thread without comments says above its drafts ("No comments yet."); may be "".
        public var emptyMessage: String
        /// A line kept at the top of the pane whatever is scrolled ("2 muted — V shows them");
        /// "" for none.
        public var note: String

        /// - Parameter fold: by default every comment with replies shows them.
        public init(
            thread: CommentThread, visibleRows: [Int], selectedRow: Int = 0, top: Int = 0,
            lineOffset: Int = 0, fold: ((Int) -> ThreadLayout.Fold)? = nil,
            text: @escaping (Int) -> RichText, drafts: [ThreadLayout.PendingDraft] = [],
            emptyMessage: String = "", note: String = ""
        ) {
            self.thread = thread
            self.visibleRows = visibleRows
            self.selectedRow = selectedRow
            self.top = top
            self.lineOffset = lineOffset
            self.fold = fold ?? { row in thread.rows[row].descendantCount > 0 ? .expanded : .leaf }
            self.text = text
            self.drafts = drafts
            self.emptyMessage = emptyMessage
            self.note = note
        }

        /// Position of `row` in `visibleRows`, nil when it is folded away.
        func visibleIndex(ofRow row: Int) -> Int? {
            var low = 0
            var high = visibleRows.count
            while low < high {
                let mid = (low + high) / 2
                if visibleRows[mid] < row { low = mid + 1 } else { high = mid }
            }
            return low < visibleRows.count && visibleRows[low] == row ? low : nil
        }

        /// Position of the selected comment in `visibleRows`.
        var selectedVisibleIndex: Int { visibleIndex(ofRow: selectedRow) ?? 0 }
    }
}
