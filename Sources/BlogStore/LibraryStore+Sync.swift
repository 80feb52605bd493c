import BlogModel
import Foundation
import GRDB

extension LibraryStore {
    public func blog(id: Int64) throws -> Blog? {
        try writer.read { db in
            try Blog.fetchOne(db, sql: "SELECT \(Blog.columns) FROM blog WHERE id = ?", arguments: [id])
        }
    }

    public func blog(sourceKey: String) throws -> Blog? {
        try writer.read { db in
            try Blog.fetchOne(
                db, sql: "SELECT \(Blog.columns) FROM blog WHERE source_key = ?", arguments: [sourceKey])
        }
    }

    /// The ETag and Last-Modified last saved for `url`.
    public func validators(for url: String) throws -> HTTPValidators? {
        try writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT etag, last_modified FROM http_validator WHERE url = ?", arguments: [url]
            ).map { HTTPValidators(etag: $0["etag"], lastModified: $0["last_modified"]) }
        }
    }

    public func saveValidators(_ validators: HTTPValidators, for url: String) throws {
        try saveValidators([(url, validators)])
    }

    /// Stores the validators of many URLs in one transaction (a sync answers hundreds at once).
    public func saveValidators(_ pairs: [(url: String, validators: HTTPValidators)]) throws {
        guard !pairs.isEmpty else { return }
        let now = Date().storedSeconds
        try writer.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO http_validator (url, etag, last_modified, updated) VALUES (?, ?, ?, ?)
                ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,
                    last_modified = excluded.last_modified, updated = excluded.updated
                """)
            for (url, validators) in pairs {
                try statement.execute(arguments: [url, validators.etag, validators.lastModified, now])
            }
        }
    }

    /// Records when a blog was last synced and the error, if the sync failed (nil clears it).
    public func recordSync(blogID: Int64, at date: Date, error: String?) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE blog SET last_sync = ?, last_error = ? WHERE id = ?",
                arguments: [date.storedSeconds, error, blogID])
        }
    }

    /// Follows a permanent redirect: later syncs fetch `url`.
    public func updateFeedURL(blogID: Int64, to url: String) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE blog SET feed_url = ? WHERE id = ?", arguments: [url, blogID])
        }
    }
}
