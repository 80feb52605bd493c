import BlogFormats
import BlogModel
import Foundation
import XCTest

/// WordPress REST comment and post lists, read from real fixtures and from awkward JSON.
final class WordPressRESTTests: XCTestCase {
    func testCoreFixtureCommentDecodes() throws {
        // Given WordPress core's generated REST client fixture
        let data = try corpusFile(
            "WordPress__wordpress-develop/tests/qunit/fixtures/wp-api-generated.extracted/CommentsCollection.json"
        )

        // When decoded
        let comments = try WordPressRESTComments.decode(data)

        // Then the one approved top-level comment is there with its UTC date
        XCTAssertEqual(comments.count, 1)
        let comment = try XCTUnwrap(comments.first)
        XCTAssertEqual(comment.sourceID, "2")
        XCTAssertNil(comment.parentSourceID)
        XCTAssertEqual(comment.author, "Internet of something or other")
        XCTAssertEqual(comment.authorURL, "http://lights.example.org/")
        XCTAssertEqual(comment.contentHTML, "<p>This is a comment</p>\n")
        XCTAssertEqual(comment.kind, .comment)
        XCTAssertEqual(comment.status, .approved)
        XCTAssertEqual(comment.published, makeDate("2017-02-14T00:00:00Z"))
    }

    func testRepliesKeepTheirParentAndUseTheGMTDate() throws {
        // Given WordPressKit's view-context and edit-context fixtures (two replies to comment 1)
        for name in ["comments-v2-view-context-success.json", "comments-v2-edit-context-success.json"] {
            let data = try corpusFile(
                "wordpress-mobile__WordPressKit-iOS/Tests/WordPressKitTests/Mock Data/" + name)

            let comments = try WordPressRESTComments.decode(data)

            XCTAssertEqual(comments.map(\.sourceID), ["2", "3"], name)
            XCTAssertEqual(comments.map(\.parentSourceID), ["1", "1"], name)
            XCTAssertEqual(comments.map(\.author), ["John Doe", "Mary Sue"], name)
            // date is 17:50:11 site time, date_gmt 10:50:11: the GMT one wins
            XCTAssertEqual(comments.first?.published, makeDate("2021-07-01T10:50:11Z"), name)
        }
        let edit = try WordPressRESTComments.decode(
            corpusFile(
                "wordpress-mobile__WordPressKit-iOS/Tests/WordPressKitTests/Mock Data/comments-v2-edit-context-success.json"
            ))
        XCTAssertEqual(edit.first?.authorEmail, "john.doe@example.com")
    }

    func testMissingAndOddFieldsAreTolerated() throws {
        // Given a list with a bare comment, a pingback with string ids, a held one and one without id
        let json = """
            [{"id": 7},
             {"id": "8", "parent": "7", "type": "pingback", "content": "<p>raw</p>", "date": "2020-01-02T03:04:05"},
             {"id": 9, "status": "hold", "author_name": "Tom &amp; Jerry"},
             {"post": 4, "content": {"rendered": "no id"}}]
            """

        let comments = try WordPressRESTComments.decode(Data(json.utf8))

        XCTAssertEqual(comments.map(\.sourceID), ["7", "8", "9"])
        XCTAssertEqual(comments[0], Comment(sourceID: "7"))
        XCTAssertEqual(comments[1].parentSourceID, "7")
        XCTAssertEqual(comments[1].kind, .pingback)
        XCTAssertEqual(comments[1].contentHTML, "<p>raw</p>")
        XCTAssertEqual(comments[1].published, makeDate("2020-01-02T03:04:05Z"))
        XCTAssertEqual(comments[2].status, .pending)
        XCTAssertEqual(comments[2].author, "Tom & Jerry")
    }

    func testSiteWideListGroupsByPost() throws {
        let json = #"[{"id": 1, "post": 4}, {"id": 2, "post": 5}, {"id": 3, "post": 4, "parent": 1}]"#

        let byPost = try WordPressRESTComments.decodeByPost(Data(json.utf8))

        XCTAssertEqual(byPost[4]?.map(\.sourceID), ["1", "3"])
        XCTAssertEqual(byPost[5]?.map(\.sourceID), ["2"])
    }

    func testAPIErrorObjectBecomesAnError() throws {
        let json =
            #"{"code": "rest_forbidden", "message": "Sorry, you are not allowed.", "data": {"status": 401}}"#

        XCTAssertThrowsError(try WordPressRESTComments.decode(Data(json.utf8))) { error in
            XCTAssertEqual(
                error as? WordPressRESTError,
                .api(code: "rest_forbidden", message: "Sorry, you are not allowed.", status: 401))
        }
        XCTAssertThrowsError(try WordPressRESTComments.decode(Data("<html>".utf8))) { error in
            XCTAssertEqual(error as? WordPressRESTError, .notJSON)
        }
    }

    func testCoreFixturePostDecodes() throws {
        let data = try corpusFile(
            "WordPress__wordpress-develop/tests/qunit/fixtures/wp-api-generated.extracted/PostsCollection.json"
        )

        let posts = try WordPressRESTPosts.decode(data)

        XCTAssertEqual(posts.count, 1)
        let post = try XCTUnwrap(posts.first)
        XCTAssertEqual(post.sourceID, "http://example.org/?p=4")
        XCTAssertEqual(post.remotePostID, 4)
        XCTAssertEqual(post.title, "REST API Client Fixture: Post")
        XCTAssertEqual(post.link, "http://example.org/?p=4")
        XCTAssertEqual(post.contentHTML, "<p>Updated post content.</p>\n")
        XCTAssertEqual(post.excerptHTML, "<p>REST API Client Fixture: Post</p>\n")
        XCTAssertEqual(post.published, makeDate("2017-02-14T00:00:00Z"))
        XCTAssertTrue(post.commentsOpen)
    }

    func testPostTitlesAreTextAndUnpublishedPostsAreSkipped() throws {
        let json = """
            [{"id": 1, "title": {"rendered": "It&#8217;s <em>here</em> &amp; now"}, "comment_status": "closed",
              "_embedded": {"author": [{"name": "Ann"}],
                            "wp:term": [[{"taxonomy": "category", "name": "News"}], [{"taxonomy": "post_tag", "name": "swift"}]]}},
             {"id": 2, "status": "draft", "title": {"rendered": "Draft"}},
             {"id": 3, "type": "page", "title": {"rendered": "About"}}]
            """

        let posts = try WordPressRESTPosts.decode(Data(json.utf8))

        XCTAssertEqual(posts.count, 1)
        XCTAssertEqual(posts.first?.title, "It’s here & now")
        XCTAssertEqual(posts.first?.sourceID, "1")
        XCTAssertEqual(posts.first?.author, "Ann")
        XCTAssertEqual(posts.first?.categories, ["News"])
        XCTAssertEqual(posts.first?.tags, ["swift"])
        XCTAssertEqual(posts.first?.commentsOpen, false)
    }

    func testEndpointBuildsPrettyAndPlainPermalinkURLs() {
        let pretty = WordPressRESTEndpoint(site: URL(string: "https://blog.example/")!)
        XCTAssertEqual(
            pretty.comments(postID: 4, page: 2).absoluteString,
            "https://blog.example/wp-json/wp/v2/comments?post=4&per_page=100&page=2&orderby=id&order=asc"
        )

        let plain = WordPressRESTEndpoint(root: URL(string: "http://example.org/index.php?rest_route=/")!)
        XCTAssertEqual(
            plain.posts().absoluteString,
            "http://example.org/index.php?rest_route=/wp/v2/posts&per_page=100&page=1")
    }

    func testEndpointFindsTheSiteAndItsCommentsFeedFromTheAdvertisedRoot() {
        // Given the three forms of root a site advertises: pretty, plain, and in a subdirectory
        let pretty = WordPressRESTEndpoint(root: URL(string: "https://blog.example/wp-json/")!)
        let plain = WordPressRESTEndpoint(root: URL(string: "http://127.0.0.1:8080/index.php?rest_route=/")!)
        let bare = WordPressRESTEndpoint(root: URL(string: "http://127.0.0.1:8080/?rest_route=/")!)
        let subdirectory = WordPressRESTEndpoint(root: URL(string: "https://example.org/blog/wp-json/")!)

        // Then routes, the site and its comments feed keep each form
        XCTAssertEqual(pretty.site.absoluteString, "https://blog.example/")
        XCTAssertEqual(pretty.commentsFeed.absoluteString, "https://blog.example/comments/feed/")
        XCTAssertEqual(plain.site.absoluteString, "http://127.0.0.1:8080/")
        XCTAssertEqual(plain.commentsFeed.absoluteString, "http://127.0.0.1:8080/?feed=comments-rss2")
        XCTAssertEqual(bare.commentsFeed.absoluteString, "http://127.0.0.1:8080/?feed=comments-rss2")
        XCTAssertEqual(
            plain.siteComments(page: 2).absoluteString,
            "http://127.0.0.1:8080/index.php?rest_route=/wp/v2/comments&per_page=100&page=2&orderby=id&order=desc"
        )
        XCTAssertEqual(
            pretty.siteCommentsProbe.absoluteString,
            "https://blog.example/wp-json/wp/v2/comments?per_page=1&orderby=id&order=desc&_fields=id")
        XCTAssertEqual(subdirectory.site.absoluteString, "https://example.org/blog/")
        XCTAssertEqual(subdirectory.commentsFeed.absoluteString, "https://example.org/blog/comments/feed/")
        XCTAssertEqual(
            subdirectory.posts(page: 1, modifiedAfter: nil).absoluteString,
            "https://example.org/blog/wp-json/wp/v2/posts?per_page=100&page=1&orderby=id&order=asc&_embed=author,wp:term"
        )
    }

    func testSiteWideCommentPageKeepsTheNewestSiteLocalDate() throws {
        // Given a page of the site-wide listing, dates in site time and in UTC
        let json = """
            [{"id": 7, "post": 3, "parent": 0, "date": "2026-12-05T11:00:00", "date_gmt": "2026-12-05T10:00:00",
              "author_name": "A", "content": {"rendered": "<p>a</p>"}, "type": "comment"},
             {"id": 9, "post": 4, "parent": 7, "date": "2026-12-05T12:30:00", "date_gmt": "2026-12-05T11:30:00",
              "author_name": "B", "content": {"rendered": "<p>b</p>"}, "type": "comment"}]
            """
        // When decoded
        let page = try WordPressRESTCommentPage(Data(json.utf8))
        // Then the cursor is the newest site-local date, as sent, and comments are grouped by post
        XCTAssertEqual(page.count, 2)
        XCTAssertEqual(page.newestLocalDate, "2026-12-05T12:30:00")
        XCTAssertEqual(page.ids, [7, 9])
        XCTAssertEqual(page.newestID, 9)
        XCTAssertEqual(page.byPost[4]?.first?.parentSourceID, "7")
        XCTAssertEqual(page.byPost[3]?.first?.published, makeDate("2026-12-05T10:00:00Z"))
    }

    // MARK: Fixtures

    func corpusFile(_ relativePath: String) throws -> Data {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }  // Tests/BlogSyncTests/file → package root
        let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            throw XCTSkip("WordPress REST fixtures need ../shared/corpus")
        }
        return try Data(contentsOf: corpus.appendingPathComponent(relativePath))
    }

    func makeDate(_ iso: String) -> Date? {
        ISO8601DateFormatter().date(from: iso)
    }
}
