import GRDB

extension PostFilter {
    /// The `WHERE` conditions (on table alias `p`) selecting the listed posts this filter keeps.
    func whereClause(_ db: Database) throws -> (sql: String, arguments: StatementArguments) {
        var conditions = ["p.listed = 1"]
        var arguments = StatementArguments()
        if let blogID {
            conditions.append("p.blog_id = ?")
            arguments += [blogID]
        }
        if unreadOnly { conditions.append("p.read_at IS NULL") }
        if watchedOnly { conditions.append("p.watch = 1") }
        if let author {
            conditions.append("p.author = ?")
            arguments += [author]
        }
        for (kind, name) in [("category", category), ("tag", tag)] {
            guard let name else { continue }
            conditions.append("p.id IN (SELECT post_id FROM post_term WHERE kind = ? AND name = ?)")
            arguments += [kind, name]
        }
        if let searchText {
            if let query = SearchQuery(searchText) {
                let match = query.matchingPostIDs(indexedThrough: try SearchIndex.indexedThrough(db, .post))
                conditions.append("p.id IN (\(match.sql))")
                arguments += match.arguments
            } else if !searchText.allSatisfy(\.isWhitespace) {
                conditions.append("0")  // only punctuation: nothing can match
            }
        }
        return (conditions.joined(separator: " AND "), arguments)
    }
}
