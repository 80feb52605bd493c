import BlogModel
import BlogStore
import Foundation
import XCTest

/// Small builders for the rows the tests import.
enum StoreFixtures {
    static let base = Date(timeIntervalSince1970: 1_600_000_000)

    static func makeBlog(_ key: String = "https://example.org/feed") -> Blog {
        Blog(sourceKey: key, title: "Example", link: "https://example.org", origin: .feed)
    }

    static func makePost(
        _ number: Int, blogID: Int64, title: String? = nil, body: String? = nil,
        categories: [String] = [], tags: [String] = [], author: String = "alice", dated: Bool = true
    ) -> Post {
        Post(
            blogID: blogID, sourceID: "post-\(number)", title: title ?? "Post \(number)",
            link: "https://example.org/\(number)", author: author,
            published: dated ? base.addingTimeInterval(Double(number) * 60) : nil,
            categories: categories, tags: tags, contentHTML: "<p>\(body ?? "Body of post \(number)")</p>")
    }

    static func makeComment(
        _ number: Int, postID: Int64, text: String? = nil, status: Comment.Status = .approved
    ) -> Comment {
        Comment(
            postID: postID, sourceID: String(number), author: "Reader \(number)",
            published: base.addingTimeInterval(Double(number)),
            contentHTML: "<p>\(text ?? "Comment \(number)")</p>", status: status)
    }

    /// Imports one blog with `posts` posts (each with `comments` comments); returns the blog id and post ids.
    @discardableResult
    static func importBlog(
        into store: LibraryStore, posts: Int, comments: Int = 0,
        edit: (Int, inout Post) -> Void = { _, _ in }
    ) throws -> (blogID: Int64, postIDs: [Int64]) {
        try store.writeSession { session in
            let blogID = try session.upsertBlog(makeBlog())
            var postIDs: [Int64] = []
            for number in 0..<posts {
                var post = makePost(number, blogID: blogID)
                edit(number, &post)
                let postID = try session.upsertPost(post, listed: true, searchText: plain(post.contentHTML)).id
                postIDs.append(postID)
                for index in 0..<comments {
                    let comment = makeComment(index, postID: postID)
                    _ = try session.upsertComment(comment, searchText: plain(comment.contentHTML))
                }
            }
            return (blogID, postIDs)
        }
    }

    static func plain(_ html: String) -> String {
        html.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: "")
    }
}

struct ImportAborted: Error {}
