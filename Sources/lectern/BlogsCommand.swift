import ArgumentParser
import BlogModel
import BlogStore
import Foundation

struct BlogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blogs", abstract: "List blogs with their post, unread and comment counts.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let blogs = try global.openStore().blogs()
        if json {
            try JSONOutput.print(
                blogs.map { summary -> [String: Any] in
                    let blog = summary.blog
                    return [
                        "id": blog.id, "title": blog.title, "link": blog.link,
                        "feed_url": JSONOutput.orNull(blog.feedURL), "site_url": JSONOutput.orNull(blog.siteURL),
                        "origin": blog.origin.rawValue, "post_count": summary.postCount,
                        "unread_count": summary.unreadCount, "comment_count": summary.commentCount,
                        "last_sync": JSONOutput.orNull(ISODate.string(blog.lastSync)),
                        "last_error": JSONOutput.orNull(blog.lastError),
                    ]
                })
            return
        }
        if blogs.isEmpty { print("No blogs yet: try `lectern import FILE` or `lectern add URL`.") }
        for summary in blogs {
            let blog = summary.blog
            var line =
                "\(blog.id)\t\(blog.title)\t\(summary.postCount) posts, \(summary.unreadCount) unread, "
                + "\(summary.commentCount) comments"
            if let synced = blog.lastSync { line += "\tsynced \(ISODate.string(synced) ?? "")" }
            if let error = blog.lastError { line += "\tlast error: \(error)" }
            print(TerminalSafeText.sanitize(line))
        }
    }
}
