import BlogModel
import Foundation
import GRDB

extension Blog: FetchableRecord {
    static let columns =
        "blog.id, blog.source_key, blog.title, blog.link, blog.summary, blog.language, blog.site_url, blog.api_root, blog.feed_url, blog.origin, blog.last_sync, blog.last_error"

    public init(row: Row) {
        self.init(
            id: row["id"], sourceKey: row["source_key"], title: row["title"], link: row["link"],
            summary: row["summary"], language: row["language"], siteURL: row["site_url"],
            apiRoot: row["api_root"],
            feedURL: row["feed_url"], origin: Origin(rawValue: row["origin"]) ?? .export,
            lastSync: Date(storedSeconds: row["last_sync"]), lastError: row["last_error"])
    }
}
