import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    /// Inserts the draft (id 0) or updates it, stamping `updated`; returns it as stored.
    /// With `wait`, a bounded attempt (see `write(waitingAtMost:_:)`), as for every draft write here.
    public func saveDraft(_ draft: Draft, waitingAtMost wait: TimeInterval? = nil) throws -> Draft {
        var draft = draft
        draft.updated = Date()
        let stored = draft
        let id = try write(waitingAtMost: wait) { db -> Int64 in
            if stored.id == 0 {
                try db.execute(
                    sql: """
                        INSERT INTO draft (post_id, parent_comment_id, author_name, author_email, author_url,
                            body, state, last_error, remote_comment_id, created, updated)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: stored.storageArguments)
                return db.lastInsertedRowID
            }
            try db.execute(
                sql: """
                    UPDATE draft SET post_id = ?, parent_comment_id = ?, author_name = ?, author_email = ?,
                        author_url = ?, body = ?, state = ?, last_error = ?, remote_comment_id = ?,
                        created = ?, updated = ?
                    WHERE id = ?
                    """, arguments: stored.storageArguments + [stored.id])
            guard db.changesCount > 0 else { throw LibraryStoreError.notFound("draft \(stored.id)") }
            return stored.id
        }
        draft.id = id
        return try self.draft(id: id) ?? draft
    }

    /// Every draft, oldest first.
    public func drafts() throws -> [Draft] {
        try writer.read { db in try Draft.fetchAll(db, sql: "SELECT * FROM draft ORDER BY created, id") }
    }

    public func draft(id: Int64) throws -> Draft? {
        try writer.read { db in try Draft.fetchOne(db, sql: "SELECT * FROM draft WHERE id = ?", arguments: [id]) }
    }

    public func deleteDraft(id: Int64, waitingAtMost wait: TimeInterval? = nil) throws {
        try write(waitingAtMost: wait) { db in try db.execute(sql: "DELETE FROM draft WHERE id = ?", arguments: [id]) }
    }

    /// Marks a queued or failed draft `sending` and answers whether this caller won it: two
    /// `drafts send` running at once can never both send the same draft.
    public func claimDraftForSending(id: Int64) throws -> Bool {
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE draft SET state = 'sending', updated = ?
                    WHERE id = ? AND state IN ('queued', 'failed')
                    """, arguments: [Date().storedSeconds, id])
            return db.changesCount == 1
        }
    }

    /// Moves a draft through the outbox: queued, sending, sent (with the blog's id) or failed.
    public func setDraftState(
        id: Int64, state: Draft.State, error: String? = nil, remoteCommentID: String? = nil,
        waitingAtMost wait: TimeInterval? = nil
    ) throws {
        try write(waitingAtMost: wait) { db in
            try db.execute(
                sql: """
                    UPDATE draft SET state = ?, last_error = ?,
                        remote_comment_id = coalesce(?, remote_comment_id), updated = ?
                    WHERE id = ?
                    """, arguments: [state.rawValue, error, remoteCommentID, Date().storedSeconds, id])
            // A post the user has commented on is followed, unless they stopped following it.
            if state == .sent {
                try db.execute(
                    sql:
                        "UPDATE post SET watch = 1 WHERE watch IS NULL AND id = (SELECT post_id FROM draft WHERE id = ?)",
                    arguments: [id])
            }
        }
    }
}
