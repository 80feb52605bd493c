import Foundation
import GRDB

/// The user's search text turned into safe FTS5 and LIKE patterns.
///
/// Every word is quoted, so quotes, `AND`, `NEAR`, `*` or `-` typed by the user are searched
/// for, never interpreted. The unicode61 tokenizer keeps a run of CJK characters as one token,
/// so a word inside it cannot be found through the index: such queries scan the stored text.
struct SearchQuery {
    let words: [String]
    let ftsPattern: String
    /// True when the index cannot answer (CJK text); every row is scanned instead.
    let needsScan: Bool

    init?(_ text: String) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
            .filter { $0.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) } }
        guard !words.isEmpty else { return nil }
        self.words = words
        ftsPattern = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: " ")
        needsScan = words.contains { $0.unicodeScalars.contains(where: Self.isCJK) }
    }

    /// `expression LIKE ? AND …` for every word, with its arguments.
    func likeClause(_ expression: String) -> (sql: String, arguments: StatementArguments) {
        let sql = words.map { _ in "\(expression) LIKE ? ESCAPE '\\'" }.joined(separator: " AND ")
        let patterns = words.map { word -> String in
            let escaped = word.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            return "%" + escaped + "%"
        }
        return (sql, StatementArguments(patterns))
    }

    /// `SELECT id …` of posts whose title or text matches, for use inside `IN (…)`.
    func matchingPostIDs(indexedThrough: Int64) -> (sql: String, arguments: StatementArguments) {
        let like = likeClause("(title || ' ' || body)")
        if needsScan {
            return ("SELECT post_id FROM post_text WHERE \(like.sql)", like.arguments)
        }
        return (
            """
            SELECT rowid FROM post_fts WHERE post_fts MATCH ?
            UNION ALL SELECT post_id FROM post_text WHERE post_id > ? AND \(like.sql)
            """,
            [ftsPattern, indexedThrough] + like.arguments
        )
    }

    /// A plain-text snippet around the first word found in `text`.
    func snippet(in text: String, radius: Int = 40) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard let word = words.first,
            let range = flat.range(of: word, options: [.caseInsensitive, .diacriticInsensitive])
        else { return String(flat.prefix(radius * 2)) }
        let start = flat.index(range.lowerBound, offsetBy: -radius, limitedBy: flat.startIndex) ?? flat.startIndex
        let end = flat.index(range.upperBound, offsetBy: radius, limitedBy: flat.endIndex) ?? flat.endIndex
        return (start > flat.startIndex ? "…" : "") + flat[start..<end] + (end < flat.endIndex ? "…" : "")
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
            0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
