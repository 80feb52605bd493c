import Foundation

/// A post's comments arranged as a reply tree and flattened into display rows.
///
/// Order is depth-first; siblings by UTC date, then by source id (numerically when both
/// ids are numbers). A comment whose parent is absent from `comments` (missing, pending,
/// spam) is promoted to the top level with its subtree. A parent chain that loops is cut
/// at the loop's earliest comment, which becomes top level. Nothing here recurses, so
/// any depth is safe.
public struct CommentThread: Equatable, Sendable {
    /// One visible line of the tree: which comment, how deep, and how much hangs below it.
    public struct Row: Equatable, Sendable {
        /// Index into `comments`.
        public var comment: Int
        public var depth: Int
        /// Row index of the parent, nil at the top level.
        public var parentRow: Int?
        public var childCount: Int
        /// Every row below this one in its subtree; the subtree spans `row+1 ... row+descendantCount`.
        public var descendantCount: Int
    }

    public let comments: [Comment]
    public let rows: [Row]

    public init(comments: [Comment]) {
        self.comments = comments
        self.rows = Self.flatten(comments)
    }

    /// The comment shown at `row`.
    public func comment(at row: Int) -> Comment { comments[rows[row].comment] }

    /// The rows in `row`'s subtree, excluding the row itself.
    public func subtree(of row: Int) -> Range<Int> {
        (row + 1)..<(row + 1 + rows[row].descendantCount)
    }

    /// The next row sharing `row`'s parent, if any.
    public func nextSibling(of row: Int) -> Int? {
        let candidate = row + rows[row].descendantCount + 1
        guard candidate < rows.count, rows[candidate].parentRow == rows[row].parentRow else {
            return nil
        }
        return candidate
    }

    /// The previous row sharing `row`'s parent, if any.
    public func previousSibling(of row: Int) -> Int? {
        let start = (rows[row].parentRow ?? -1) + 1
        guard row > start else { return nil }
        var candidate = start
        while let next = nextSibling(of: candidate), next < row { candidate = next }
        return candidate == row ? nil : candidate
    }
}

extension CommentThread {
    private struct SortKey {
        var date: Date
        var number: Int?
        var id: String

        static func before(_ a: SortKey, _ b: SortKey) -> Bool {
            if a.date != b.date { return a.date < b.date }
            if let x = a.number, let y = b.number, x != y { return x < y }
            if a.number != nil, b.number == nil { return true }
            if a.number == nil, b.number != nil { return false }
            return a.id < b.id
        }
    }

    private static func flatten(_ comments: [Comment]) -> [Row] {
        let count = comments.count
        let keys = comments.map {
            SortKey(date: $0.published ?? .distantPast, number: Int($0.sourceID), id: $0.sourceID)
        }
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(count)
        for (index, comment) in comments.enumerated() where indexByID[comment.sourceID] == nil {
            indexByID[comment.sourceID] = index
        }
        var parent = comments.enumerated().map { index, comment -> Int in
            guard let parentID = comment.parentSourceID, let found = indexByID[parentID],
                found != index
            else { return -1 }
            return found
        }
        breakLoops(&parent, keys: keys)

        var children = [[Int]](repeating: [], count: count)
        var roots: [Int] = []
        for index in 0..<count {
            if parent[index] < 0 { roots.append(index) } else { children[parent[index]].append(index) }
        }
        let order: (Int, Int) -> Bool = { SortKey.before(keys[$0], keys[$1]) }
        roots.sort(by: order)
        for index in 0..<count where children[index].count > 1 { children[index].sort(by: order) }

        var rows: [Row] = []
        rows.reserveCapacity(count)
        // Explicit stack of (comment, depth, parent row) in reverse so pops come out in order.
        var stack: [(Int, Int, Int?)] = roots.reversed().map { ($0, 0, nil) }
        while let (index, depth, parentRow) = stack.popLast() {
            let row = rows.count
            rows.append(
                Row(
                    comment: index, depth: depth, parentRow: parentRow,
                    childCount: children[index].count, descendantCount: 0))
            for child in children[index].reversed() { stack.append((child, depth + 1, row)) }
        }
        // Rows are in pre-order, so walking backwards visits every child before its parent.
        for row in stride(from: rows.count - 1, through: 0, by: -1) {
            if let parentRow = rows[row].parentRow {
                rows[parentRow].descendantCount += rows[row].descendantCount + 1
            }
        }
        return rows
    }

    /// Cuts every cycle in the parent links at its earliest member, which becomes a root.
    private static func breakLoops(_ parent: inout [Int], keys: [SortKey]) {
        // 0 = unvisited, 1 = on the current walk, 2 = done.
        var mark = [UInt8](repeating: 0, count: parent.count)
        var walk: [Int] = []
        for start in parent.indices where mark[start] == 0 {
            walk.removeAll(keepingCapacity: true)
            var node = start
            while node >= 0, mark[node] == 0 {
                mark[node] = 1
                walk.append(node)
                node = parent[node]
            }
            if node >= 0, mark[node] == 1, let loopStart = walk.firstIndex(of: node) {
                let loop = walk[loopStart...]
                let earliest = loop.min { SortKey.before(keys[$0], keys[$1]) }!
                parent[earliest] = -1
            }
            for member in walk { mark[member] = 2 }
        }
    }
}
