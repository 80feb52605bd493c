import Foundation
import LecternTestSupport
import XCTest

/// The JSON the commands print is a contract (README, "Commands"): these tests run the built
/// `lectern` on a real cache and pin every key, its type and the order of the records.
final class JSONContractTests: XCTestCase {
    private var folder: URL!
    private var binary: URL!
    private var database: String { folder.appendingPathComponent("cache.sqlite").path }

    override func setUpWithError() throws {
        binary = try BuiltProduct.lectern()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let export = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/wxr/base.xml")
        _ = try run(["import", export.path])
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testBlogsJSONHasExactlyTheDocumentedKeys() throws {
        let blogs = try array(run(["blogs", "--json"]))

        XCTAssertEqual(blogs.count, 1)
        let blog = try XCTUnwrap(blogs.first)
        XCTAssertEqual(
            Set(blog.keys),
            [
                "id", "title", "link", "feed_url", "site_url", "origin", "post_count", "unread_count",
                "comment_count", "last_sync", "last_error",
            ])
        XCTAssertEqual(blog["title"] as? String, "Fixture Notes")
        XCTAssertEqual(blog["origin"] as? String, "export")
        XCTAssertTrue(blog["post_count"] is Int)
        XCTAssertTrue(blog["last_sync"] is NSNull, "an imported blog has never synced")
    }

    func testPostsJSONHasExactlyTheDocumentedKeysNewestFirst() throws {
        let posts = try array(run(["posts", "--json"]))

        XCTAssertFalse(posts.isEmpty)
        for post in posts {
            XCTAssertEqual(
                Set(post.keys),
                [
                    "id", "blog_id", "title", "author", "published", "link", "categories", "tags", "comment_count",
                    "unread", "watched",
                ])
            XCTAssertEqual(post["watched"] as? Bool, false)
            XCTAssertTrue(post["categories"] is [String])
            XCTAssertTrue(post["tags"] is [String])
            XCTAssertTrue(post["unread"] is Bool)
            XCTAssertTrue(post["comment_count"] is Int)
            XCTAssertNotNil(ISO8601DateFormatter().date(from: try XCTUnwrap(post["published"] as? String)))
        }
        let dates = posts.compactMap { $0["published"] as? String }
        XCTAssertEqual(dates, dates.sorted(by: >), "newest first")
    }

    func testShowJSONHasThePostAndItsCommentsInThreadOrder() throws {
        let first = try XCTUnwrap(array(run(["posts", "--json"])).first { ($0["comment_count"] as? Int ?? 0) > 0 })
        let id = try XCTUnwrap(first["id"] as? Int)

        let shown = try object(run(["show", String(id), "--json"]))

        XCTAssertEqual(Set(shown.keys), ["post", "comments", "muted"])
        XCTAssertEqual(shown["muted"] as? Int, 0)
        let post = try XCTUnwrap(shown["post"] as? [String: Any])
        XCTAssertEqual(Set(post.keys), ["id", "title", "author", "published", "link", "categories", "tags", "text"])
        XCTAssertEqual(post["id"] as? Int, id)
        let comments = try XCTUnwrap(shown["comments"] as? [[String: Any]])
        XCTAssertFalse(comments.isEmpty)
        var seen: Set<String> = []
        for comment in comments {
            XCTAssertEqual(
                Set(comment.keys),
                [
                    "id", "parent_id", "depth", "author", "published", "type", "text", "is_mine", "is_reply_to_me",
                    "is_post_author",
                ])
            XCTAssertTrue(comment["is_mine"] is Bool)
            XCTAssertTrue(comment["depth"] is Int)
            // Thread order: a reply comes after its parent.
            if let parent = comment["parent_id"].flatMap(Self.idText) {
                XCTAssertTrue(seen.contains(parent), "comment \(comment["id"] ?? "?") before its parent \(parent)")
            } else {
                XCTAssertEqual(comment["depth"] as? Int, 0)
            }
            if let own = comment["id"].flatMap(Self.idText) { seen.insert(own) }
        }
    }

    func testDraftsJSONHasExactlyTheDocumentedKeys() throws {
        // Given a draft an interrupted editor left behind (the reader's own file format)
        let post = try XCTUnwrap(array(run(["posts", "--json"])).first?["id"] as? Int)
        let drafts = folder.appendingPathComponent("drafts")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        try """
        # Lectern draft: post \(post), comment on the post (cache ids; leave this line as it is)
        # ----------------------------------------------------------------------
        A comment written offline.
        """.write(to: drafts.appendingPathComponent("draft-\(post)-post-1.txt"), atomically: true, encoding: .utf8)

        // When the drafts are listed as JSON
        let listed = try array(run(["drafts", "--json"]))

        // Then the draft is there with exactly the documented keys
        XCTAssertEqual(listed.count, 1)
        let draft = try XCTUnwrap(listed.first)
        XCTAssertEqual(
            Set(draft.keys),
            [
                "id", "post_id", "parent_comment_id", "author", "body", "state", "created", "updated", "last_error",
                "remote_comment_id",
            ])
        XCTAssertEqual(draft["post_id"] as? Int, post)
        XCTAssertEqual(draft["state"] as? String, "draft")
        XCTAssertEqual(draft["body"] as? String, "A comment written offline.")
        XCTAssertTrue(draft["parent_comment_id"] is NSNull)
    }

    func testConversationsAndWatchedPostsAsTheUserFollowsThem() throws {
        // Given the user is Anna, whom Ben answered on the first post, and the export imported again
        try writeConfig(name: "Anna", email: "anna@example.org")
        _ = try run(["import", Self.export.path])
        let first = try XCTUnwrap(array(run(["posts", "--json"])).first { $0["title"] as? String == "First post" })
        let id = try XCTUnwrap(first["id"] as? Int)

        // Then the thread Anna commented on is watched
        let watched = try array(run(["posts", "--watched", "--json"]))
        XCTAssertEqual(watched.map { $0["id"] as? Int }, [id])
        XCTAssertEqual(watched.first?["watched"] as? Bool, true)

        // And the conversations list it with Ben's reply, exactly the documented keys
        let conversations = try array(run(["conversations", "--json"]))
        XCTAssertEqual(conversations.count, 1)
        let thread = try XCTUnwrap(conversations.first)
        XCTAssertEqual(
            Set(thread.keys),
            [
                "post_id", "blog_id", "blog", "title", "new_comments", "replies_to_you", "last_comment_at",
                "last_commenter",
            ])
        XCTAssertEqual(thread["post_id"] as? Int, id)
        XCTAssertEqual(thread["blog"] as? String, "Fixture Notes")
        XCTAssertEqual(thread["title"] as? String, "First post")
        XCTAssertEqual(thread["new_comments"] as? Int, 1, "Anna's own comment is no news to her")
        XCTAssertEqual(thread["replies_to_you"] as? Int, 1)
        XCTAssertEqual(thread["last_commenter"] as? String, "Ben")
        XCTAssertNotNil(ISO8601DateFormatter().date(from: try XCTUnwrap(thread["last_comment_at"] as? String)))

        // And show marks Anna's comment and Ben's reply to it
        let comments = try XCTUnwrap(object(run(["show", String(id), "--json"]))["comments"] as? [[String: Any]])
        XCTAssertEqual(comments.map { $0["is_mine"] as? Bool }, [true, false])
        XCTAssertEqual(comments.map { $0["is_reply_to_me"] as? Bool }, [false, true])

        // When Ben is muted on the blog
        let blog = try XCTUnwrap(thread["blog_id"] as? Int)
        _ = try run(["mute", "--blog", String(blog), "--author", "Ben"])
        // Then show leaves him out and counts him, and nothing new is left to talk about
        let shown = try object(run(["show", String(id), "--json"]))
        XCTAssertEqual(shown["muted"] as? Int, 1)
        XCTAssertEqual((shown["comments"] as? [[String: Any]])?.map { $0["author"] as? String }, ["Anna"])
        XCTAssertEqual(try array(run(["conversations", "--json"])).count, 0)

        // When Anna stops watching the thread, it is no longer listed as watched
        _ = try run(["unmute", "--blog", String(blog), "--author", "Ben"])
        _ = try run(["unwatch", String(id)])
        XCTAssertEqual(try array(run(["posts", "--watched", "--json"])).count, 0)
    }

    // MARK: Running lectern

    private static let export = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/wxr/base.xml")

    private func writeConfig(name: String, email: String) throws {
        let directory = folder.appendingPathComponent("config/lectern")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "[author]\nname = \"\(name)\"\nemail = \"\(email)\"\n".write(
            to: directory.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    private static func idText(_ value: Any) -> String? {
        switch value {
        case let number as Int: return String(number)
        case let text as String: return text
        default: return nil
        }
    }

    private func run(_ arguments: [String]) throws -> Data {
        // The user's own config never leaks in: each test has its own.
        let outcome = try LecternProcess(
            binary: binary, database: database,
            environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path]
        ).run(arguments)
        XCTAssertEqual(outcome.status, 0, "lectern \(arguments.joined(separator: " ")): \(outcome.errors)")
        return Data(outcome.output.utf8)
    }

    private func array(_ data: Data) throws -> [[String: Any]] {
        try XCTUnwrap(
            JSONSerialization.jsonObject(with: data) as? [[String: Any]], String(decoding: data, as: UTF8.self))
    }

    private func object(_ data: Data) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], String(decoding: data, as: UTF8.self))
    }
}
