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

    /// The stored validators of every URL of `urls` that has some, in one read.
    public func validators(forURLs urls: [String]) throws -> [String: HTTPValidators] {
        guard !urls.isEmpty else { return [:] }
        return try writer.read { db in
            var found: [String: HTTPValidators] = [:]
            // Bound as one JSON array, so one cached statement serves any number of URLs.
            let list = String(decoding: try JSONEncoder().encode(urls), as: UTF8.self)
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT url, etag, last_modified FROM http_validator
                        WHERE url IN (SELECT value FROM json_each(?))
                        """),
                arguments: [list])
            while let row = try rows.next() {
                found[row["url"]] = HTTPValidators(etag: row["etag"], lastModified: row["last_modified"])
            }
            return found
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
            let statement = try db.cachedStatement(
                sql: """
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
