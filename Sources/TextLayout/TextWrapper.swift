/// Word wrapping of runs of text to a column width, by grapheme cluster.
///
/// Lines break at spaces and between wide (CJK) characters; a word longer than the width
/// is cut where it reaches the edge; "\n" in run text forces a break. Spaces at a wrap
/// point are dropped, so no wrapped line begins or ends with one.
public enum TextWrapper {
    private struct Piece {
        var cluster: Character
        var width: Int
        var style: Int
    }

    /// Wraps `runs` to `width` columns; always returns at least one line.
    public static func wrap(_ runs: [TextRun], width: Int) -> [TextLine] {
        let width = max(1, width)
        var styles: [(TextRole, Int?)] = []
        var lines: [TextLine] = []
        var line: [Piece] = []
        var lineWidth = 0
        // Index in `line` after which a break may happen; 0 means none yet.
        var breakAt = 0
        var previousWide = false

        func emit(_ pieces: ArraySlice<Piece>) {
            var end = pieces.endIndex
            while end > pieces.startIndex, pieces[end - 1].cluster == " " { end -= 1 }
            var out = TextLine()
            for piece in pieces[pieces.startIndex..<end] {
                let (role, link) = styles[piece.style]
                out.append(String(piece.cluster), role: role, link: link)
            }
            lines.append(out)
        }

        for run in runs {
            styles.append((run.role, run.link))
            let style = styles.count - 1
            for cluster in run.text {
                if cluster == "\n" || cluster == "\r\n" {
                    emit(line[...])
                    line.removeAll(keepingCapacity: true)
                    lineWidth = 0
                    breakAt = 0
                    previousWide = false
                    continue
                }
                let clusterWidth = DisplayWidth.width(of: cluster)
                if cluster == " " {
                    line.append(Piece(cluster: cluster, width: 1, style: style))
                    lineWidth += 1
                    breakAt = line.count
                    previousWide = false
                    continue
                }
                let isWide = clusterWidth == 2
                if isWide || previousWide { breakAt = max(breakAt, line.count) }
                previousWide = isWide
                if lineWidth + clusterWidth > width, !line.isEmpty {
                    if breakAt > 0 {
                        emit(line[..<breakAt])
                        line.removeFirst(breakAt)
                    } else {
                        emit(line[...])
                        line.removeAll(keepingCapacity: true)
                    }
                    while line.first?.cluster == " " { line.removeFirst() }
                    lineWidth = line.reduce(0) { $0 + $1.width }
                    breakAt = 0
                }
                line.append(Piece(cluster: cluster, width: clusterWidth, style: style))
                lineWidth += clusterWidth
            }
        }
        if !line.isEmpty || lines.isEmpty { emit(line[...]) }
        return lines
    }

    /// Wraps plain text in one role.
    public static func wrap(_ text: String, role: TextRole = .normal, width: Int) -> [TextLine] {
        wrap([TextRun(text, role: role)], width: width)
    }
}
