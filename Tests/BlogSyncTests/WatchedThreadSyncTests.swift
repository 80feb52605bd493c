import BlogFormats
import BlogModel
import BlogStore
import Foundation
import LecternTestSupport
import XCTest

@testable import BlogSync

/// A watched thread keeps updating after its post has left the blog's feed.
final class WatchedThreadSyncTests: XCTestCase {
    private var served: ServedGeneratedBlog?
    private var server: SyncSiteServer { served!.server }

    override func setUpWithError() throws {
        served = try ServedGeneratedBlog.start()
    }

    override func tearDown() {
        served?.stop()
    }

    func testAWatchedPostGoneFromTheFeedStillGetsItsNewComments() async throws {
        // Given the generated RSS blog, synced once
        let store = try LibraryStore.inMemory()
        let engine = SyncEngine(store: store, options: SyncOptions(connectTimeout: 2, totalTimeout: 5, retryCap: 1))
        let blog = try SyncFixtures.subscribe(store, feed: server.url("/etag/gen/rss.xml"), title: "RSS")
        let first = await engine.sync(blog)
        XCTAssertNil(first.error)
        // And the feed's last post, with a comment feed, watched; then dropped from the feed
        let feedFile = server.root.appendingPathComponent("gen/rss.xml")
        var feed = try String(contentsOf: feedFile, encoding: .utf8)
        let lastItem = try XCTUnwrap(feed.range(of: "<item>", options: .backwards))
        let itemEnd = try XCTUnwrap(feed.range(of: "</item>", range: lastItem.upperBound..<feed.endIndex))
        let item = String(feed[lastItem.lowerBound..<itemEnd.upperBound])
        let linkRange = try XCTUnwrap(
            item.range(of: #"<wfw:commentRss>[^<]+</wfw:commentRss>"#, options: .regularExpression))
        let commentFeedPath = try XCTUnwrap(URL(string: String(item[linkRange].dropFirst(16).dropLast(17)))?.path)
        let guidRange = try XCTUnwrap(item.range(of: #"<guid[^>]*>[^<]+</guid>"#, options: .regularExpression))
        let guid = String(item[guidRange].split(separator: ">")[1].split(separator: "<")[0])
        let postID = try XCTUnwrap(
            store.postWindow(PostFilter(blogID: blog.id), after: nil, limit: 100).first {
                try store.post(id: $0.id)?.sourceID == guid
            }?.id)
        let before = try store.comments(postID: postID).count
        try store.setWatched([postID], watched: true)
        feed.removeSubrange(lastItem.lowerBound..<itemEnd.upperBound)
        try server.write("gen/rss.xml", text: feed)
        // When its comment feed gets a new comment and the blog syncs again
        try GeneratedBlog.addComment(
            on: server, commentFeedPath: commentFeedPath, number: 99998, author: "Latecomer", text: "Still here.")
        _ = try await server.answers(clear: true)
        let result = await engine.sync(blog)
        // Then the watched post's comment feed was asked and the comment arrived
        XCTAssertNil(result.error)
        let asked = try await server.answers()
        XCTAssertTrue(asked.contains { $0.path == commentFeedPath })
        XCTAssertEqual(try store.comments(postID: postID).count, before + 1)
        XCTAssertTrue(try store.comments(postID: postID).contains { $0.author == "Latecomer" })
        // And next time an unchanged thread costs one 304
        _ = try await server.answers(clear: true)
        let idle = await engine.sync(blog)
        XCTAssertNil(idle.error)
        let again = try await server.answers().filter { $0.path == commentFeedPath }
        XCTAssertEqual(again.map(\.status), [304])
    }
}
