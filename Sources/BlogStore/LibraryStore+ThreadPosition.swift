import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    /// Where the user left the post last time, if anywhere.
    public func threadPosition(postID: Int64) throws -> ThreadPosition? {
        try writer.read { db in try Self.threadPosition(db, postID: postID) }
    }

    static func threadPosition(_ db: Database, postID: Int64) throws -> ThreadPosition? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT selected_comment, collapsed, article_top_line, article_width
                    FROM thread_position WHERE post_id = ?
                    """, arguments: [postID])
        else { return nil }
        let folded = (row["collapsed"] as String).data(using: .utf8).flatMap {
            try? JSONDecoder().decode([String].self, from: $0)
        }
        return ThreadPosition(
            postID: postID, selectedComment: row["selected_comment"], collapsed: folded ?? [],
            articleTopLine: row["article_top_line"], articleWidth: row["article_width"])
    }

    static func saveThreadPosition(_ db: Database, _ position: ThreadPosition) throws {
        let folded = String(decoding: try JSONEncoder().encode(position.collapsed), as: UTF8.self)
        // A post that is gone (its blog removed meanwhile) has nothing to keep.
        try db.execute(
            sql: """
                INSERT INTO thread_position (post_id, selected_comment, collapsed, article_top_line, article_width)
                SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM post WHERE id = ?1)
                ON CONFLICT (post_id) DO UPDATE SET selected_comment = excluded.selected_comment,
                    collapsed = excluded.collapsed, article_top_line = excluded.article_top_line,
                    article_width = excluded.article_width
                """,
            arguments: [
                position.postID, position.selectedComment, folded, position.articleTopLine, position.articleWidth,
            ])
    }
}
