import BlogModel
import Foundation
import GRDB

extension WriteSession {
    /// Body, terms and search text of a post this session just inserted.
    func insertPostDetails(id: Int64, post: Post, searchText: String) throws {
        try db.cachedStatement(sql: "INSERT INTO post_body (post_id, content_html, excerpt_html) VALUES (?, ?, ?)")
            .execute(arguments: [id, post.contentHTML, post.excerptHTML])
        try insertTerms(id: id, post: post)
        try db.cachedStatement(sql: "INSERT INTO post_text (post_id, title, body) VALUES (?, ?, ?)")
            .execute(arguments: [id, post.title, searchText])
        try noteNewSearchText(post.title.utf8.count + searchText.utf8.count)
    }

    /// Brings body, terms and search text of an existing post up to date; true when anything changed.
    func updatePostDetails(id: Int64, post: Post, searchText: String, source: PostSource) throws -> Bool {
        var changed = false
        let body = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT content_html, excerpt_html FROM post_body WHERE post_id = ?"),
            arguments: [id])
        if body?["content_html"] != post.contentHTML || body?["excerpt_html"] != post.excerptHTML {
            try db.cachedStatement(
                sql: """
                    INSERT INTO post_body (post_id, content_html, excerpt_html) VALUES (?, ?, ?)
                    ON CONFLICT (post_id) DO UPDATE SET
                        content_html = excluded.content_html, excerpt_html = excluded.excerpt_html
                    """
            ).execute(arguments: [id, post.contentHTML, post.excerptHTML])
            changed = true
        }
        let terms = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT kind, name FROM post_term WHERE post_id = ? ORDER BY kind, position"),
            arguments: [id])
        let storedCategories = terms.filter { $0["kind"] == "category" }.map { $0["name"] as String }
        let storedTags = terms.filter { $0["kind"] == "tag" }.map { $0["name"] as String }
        // A feed names a post's tags as categories: the same names split by a richer source stay split.
        let sameTermsUnsplit =
            source == .feed && post.tags.isEmpty && !storedTags.isEmpty
            && Set(post.categories) == Set(storedCategories + storedTags)
        if !sameTermsUnsplit, storedCategories != Self.unique(post.categories) || storedTags != Self.unique(post.tags) {
            try db.cachedStatement(sql: "DELETE FROM post_term WHERE post_id = ?").execute(arguments: [id])
            try insertTerms(id: id, post: post)
            changed = true
        }
        if try SearchIndex.replacePostText(
            db, id: id, title: post.title, body: searchText, indexed: id <= postsIndexedThrough)
        {
            changed = true
        }
        return changed
    }

    private func insertTerms(id: Int64, post: Post) throws {
        // Bound through the C API: a first sync stores tens of thousands of terms, and GRDB's
        // boxed arguments cost more than SQLite's insert.
        let statement = try RawStatement(
            db, sql: "INSERT INTO post_term (post_id, kind, name, position) VALUES (?, ?, ?, ?)")
        for (kind, names) in [("category", post.categories), ("tag", post.tags)] {
            for (position, name) in Self.unique(names).enumerated() {
                statement.bind(1, id)
                statement.bind(2, kind)
                statement.bind(3, name)
                statement.bind(4, Int64(position))
                try statement.run()
            }
        }
    }

    /// Names in first-seen order without repeats (the table keys on the name).
    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
