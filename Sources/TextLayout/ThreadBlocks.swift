import BlogModel

/// The thread laid out one comment at a time, on demand, for `ThreadViewport`.
///
/// A comment's block is its header and text (`own`), then the drafts that follow it
/// (`tail`); the guide line before it (`separator`) is drawn unless it is at the top.
/// Blocks are memoised, so the visibility test, bottom alignment and drawing share work.
struct ThreadBlocks {
    struct Block {
        var own: [TextLine]
        var tail: [TextLine]
        var separator: TextLine
        var row: Int
        /// Column of the fold marker on the header line, for comments with replies.
        var marker: Int?
    }

    /// A draft placed after a visible comment.
    private struct PlacedDraft {
        var draft: ThreadLayout.PendingDraft
        var parent: Int?
        var isLast: Bool
    }

    private let input: ThreadViewport.Input
    private let textWidth: Int
    private let cap: Int
    private let hasLaterSibling: (Int) -> Bool
    /// Drafts drawn after the comment at each visible index, innermost subtree first.
    private let draftsAfter: [Int: [PlacedDraft]]
    private var cache: [Int: Block] = [:]

    init(_ input: ThreadViewport.Input, width: Int) {
        self.input = input
        textWidth = max(10, width - 1)
        cap = ThreadLayout.indentCap(width: textWidth)
        var placed: [(index: Int, depth: Int, order: Int, draft: PlacedDraft)] = []
        var perParent: [Int?: Int] = [:]
        var seen: [Int?: Int] = [:]
        let anchors = input.drafts.map { Self.anchor(of: $0, in: input) }
        for (draft, anchor) in zip(input.drafts, anchors) where anchor != nil {
            perParent[draft.parentRow, default: 0] += 1
        }
        for (order, (draft, anchor)) in zip(input.drafts, anchors).enumerated() {
            guard let anchor else { continue }
            let parent = draft.parentRow
            seen[parent, default: 0] += 1
            let depth = parent.map { input.thread.rows[$0].depth } ?? -1
            placed.append(
                (
                    anchor, depth, order,
                    PlacedDraft(draft: draft, parent: parent, isLast: seen[parent] == perParent[parent])
                ))
        }
        placed.sort { ($0.index, -$0.depth, $0.order) < ($1.index, -$1.depth, $1.order) }
        draftsAfter = Dictionary(grouping: placed, by: { $0.index }).mapValues { $0.map(\.draft) }
        hasLaterSibling = ThreadLayout.laterSiblingTest(
            input.thread, parentsWithDrafts: Set(placed.compactMap(\.draft.parent)))
    }

    /// The visible index a draft follows: the last visible comment of its parent's subtree
    /// (the parent itself when folded), or the last comment for a draft on the post; nil
    /// when its parent is folded away.
    private static func anchor(of draft: ThreadLayout.PendingDraft, in input: ThreadViewport.Input) -> Int? {
        let rows = input.visibleRows
        guard let last = rows.indices.last else { return nil }
        guard let parent = draft.parentRow else { return last }
        guard input.visibleIndex(ofRow: parent) != nil else { return nil }
        let end = input.fold(parent).isCollapsed ? parent : parent + input.thread.rows[parent].descendantCount
        // The last visible row at or before `end`.
        var low = 0
        var high = rows.count
        while low < high {
            let mid = (low + high) / 2
            if rows[mid] <= end { low = mid + 1 } else { high = mid }
        }
        return low - 1
    }

    var count: Int { input.visibleRows.count }

    mutating func block(_ index: Int) -> Block {
        if let block = cache[index] { return block }
        let thread = input.thread
        let row = input.visibleRows[index]
        let selected = row == input.selectedRow
        let fold = input.fold(row)
        let own = ThreadLayout.commentLines(
            thread: thread, row: row, cap: cap, width: textWidth, selected: selected, fold: fold,
            text: input.text(row), hasLaterSibling: hasLaterSibling)
        let gutter = selected ? TextRun("▌", role: .commentSelected) : TextRun(" ")
        var tail: [TextLine] = []
        for placed in draftsAfter[index] ?? [] {
            tail.append(
                ThreadLayout.separatorLine(thread, parent: placed.parent, cap: cap, hasLaterSibling: hasLaterSibling))
            tail += ThreadLayout.draftLines(
                placed.draft, thread: thread, parent: placed.parent, isLast: placed.isLast, cap: cap,
                width: textWidth, hasLaterSibling: hasLaterSibling)
        }
        let depth = thread.rows[row].depth
        var marker: Int?
        if fold != .leaf {
            marker = 1 + min(depth, cap) * 3 + (depth > cap ? DisplayWidth.width(of: "⟨\(depth)⟩ ") : 0)
        }
        let block = Block(
            own: own.map { $0.prefixed(by: [gutter]) },
            tail: tail.map { $0.prefixed(by: [TextRun(" ")]) },
            separator: ThreadLayout.separatorLine(
                thread, parent: thread.rows[row].parentRow, cap: cap, hasLaterSibling: hasLaterSibling
            )
            .prefixed(by: [TextRun(" ")]),
            row: row, marker: marker)
        cache[index] = block
        return block
    }

    /// `top` and `offset` (lines into the top block) moved on past whole blocks the offset
    /// covers, so that the offset falls within the top block.
    mutating func normalized(top: Int, offset: Int) -> (top: Int, offset: Int) {
        var top = top
        var offset = offset
        while offset > 0, top < count - 1 {
            let block = block(top)
            let lines = block.own.count + block.tail.count
            guard offset >= lines else { break }
            // The separator before the next comment is not drawn at the top: skip it too.
            offset = max(0, offset - lines - 1)
            top += 1
        }
        return (top, offset)
    }

    /// The line, counted from the first line of `top`, where `index`'s header is drawn;
    /// nil when that is `limit` lines or more down.
    mutating func lineStart(of index: Int, from top: Int, limit: Int) -> Int? {
        var y = 0
        for current in top..<index {
            let block = block(current)
            y += block.own.count + block.tail.count + 1
            if y >= limit { return nil }
        }
        return y
    }

    /// True when drawing from `offset` lines into `top` shows some of `selected`'s text when
    /// it is the top comment, else its header and as much of its text as the pane can hold.
    mutating func isVisible(_ selected: Int, from top: Int, offset: Int = 0, height: Int) -> Bool {
        guard selected >= top else { return false }
        if selected == top { return offset < block(top).own.count }
        var y = -offset
        for index in top..<selected {
            let block = block(index)
            y += block.own.count + block.tail.count + 1
            if y >= height { return false }
        }
        return y + min(block(selected).own.count, height) <= height
    }

    /// The top that puts the end of `index`'s comment (and its drafts, `withTail`) as low
    /// as the pane allows with whole comments above it.
    mutating func bottomAlignedTop(for index: Int, height: Int, withTail: Bool = false) -> Int {
        let last = block(index)
        var used = last.own.count + (withTail ? last.tail.count : 0)
        var top = index
        var candidate = index - 1
        while candidate >= 0 {
            let block = block(candidate)
            let needed = used + 1 + block.own.count + block.tail.count
            if needed > height { break }
            used = needed
            top = candidate
            candidate -= 1
        }
        return top
    }

    /// Lines from `top` to the end of the thread, counting no further than `limit`.
    mutating func linesToEnd(from top: Int, limit: Int) -> Int {
        var total = 0
        for index in top..<count {
            let block = block(index)
            total += (index > top ? 1 : 0) + block.own.count + block.tail.count
            if total >= limit { return total }
        }
        return total
    }

    /// The pane's lines drawing from `offset` lines into `top`, and how many lines of the
    /// `selected` comment are left below.
    mutating func viewport(top: Int, offset: Int = 0, height: Int, selected: Int) -> ThreadViewport {
        var lines: [TextLine] = []
        var rows: [Int?] = []
        var markers: [Int?] = []
        var shown = 0
        var linesBelow = 0
        var index = top
        var skip = offset
        func add(_ line: TextLine, row: Int?, marker: Int? = nil) {
            if skip > 0 {
                skip -= 1
                return
            }
            guard lines.count < height else { return }
            lines.append(line)
            rows.append(row)
            markers.append(marker)
        }
        while lines.count < height, index < count {
            let block = block(index)
            if index > top { add(block.separator, row: nil) }
            if lines.count < height { shown += 1 }
            if index == selected {
                // Where its first line lands: above the pane when scrolled past it.
                let start = lines.count - skip
                linesBelow = max(0, start + block.own.count - height)
            }
            for (number, line) in block.own.enumerated() {
                add(line, row: block.row, marker: number == 0 ? block.marker : nil)
            }
            for line in block.tail { add(line, row: nil) }
            index += 1
        }
        while lines.count < height { add(.blank, row: nil) }
        return ThreadViewport(
            top: top, lines: lines, rowAtLine: rows, foldMarkerAtLine: markers, shownComments: shown,
            lineOffset: offset, selectedLinesBelow: linesBelow)
    }

    /// No comments: the input's message, then any drafts on the post.
    func emptyViewport(height: Int) -> ThreadViewport {
        let drafts = input.drafts
        let message = input.emptyMessage
        var lines = message.isEmpty && !drafts.isEmpty ? [] : [TextLine(" " + message, role: .articleMeta)]
        for (index, pending) in drafts.enumerated() {
            if !lines.isEmpty { lines.append(.blank) }
            var draft = pending
            draft.parentRow = nil
            lines += ThreadLayout.draftLines(
                draft, thread: input.thread, parent: nil, isLast: index == drafts.count - 1, cap: cap,
                width: textWidth, hasLaterSibling: { _ in false }
            ).map { $0.prefixed(by: [TextRun(" ")]) }
        }
        lines = Array(lines.prefix(height))
        while lines.count < height { lines.append(.blank) }
        return ThreadViewport(
            top: 0, lines: lines, rowAtLine: Array(repeating: nil, count: height),
            foldMarkerAtLine: Array(repeating: nil, count: height), shownComments: 0)
    }
}
