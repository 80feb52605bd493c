import BlogModel
import BlogSync
import Foundation
import XCTest

/// The fetcher against a real HTTP server on 127.0.0.1: the paths a feed sync takes.
final class HTTPFetcherTests: XCTestCase {
    private var server: TestServer!
    private let fetcher = HTTPFetcher()

    override func setUpWithError() throws {
        server = try TestServer()
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    func testFirstFetchReturnsBodyAndValidators() async throws {
        // Given a feed served with an ETag
        try server.addFile("feed.xml", contents: makeFeed())

        // When it is fetched for the first time
        let result = await fetcher.fetch(makeRequest("/etag/feed.xml"))

        // Then the body and both validators come back, and the request named us
        let response = try XCTUnwrap(result.response, "\(result)")
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), makeFeed())
        XCTAssertNotNil(response.validators.etag)
        XCTAssertNotNil(response.validators.lastModified)
        XCTAssertEqual(response.status, 200)
        XCTAssertNil(response.permanentRedirect)
        let sent = try await server.requests(to: "/etag/feed.xml")
        XCTAssertEqual(sent.count, 1)
        XCTAssertEqual(
            sent.first?.header("User-Agent"), "Lectern/\(HTTPFetcher.version) (terminal blog reader)")
        XCTAssertEqual(sent.first?.header("Accept-Encoding"), "gzip, deflate")
        XCTAssertNil(sent.first?.header("If-None-Match"))
    }

    func testSecondFetchWithStoredValidatorsIsNotModified() async throws {
        // Given validators from a first fetch
        try server.addFile("feed.xml", contents: makeFeed())
        let firstResult = await fetcher.fetch(makeRequest("/etag/feed.xml"))
        let first = try XCTUnwrap(firstResult.response)

        // When the feed is fetched again with them
        let second = await fetcher.fetch(makeRequest("/etag/feed.xml", validators: first.validators))

        // Then the server answers 304 and the validators were sent
        XCTAssertEqual(second, .notModified)
        let sent = try await server.requests(to: "/etag/feed.xml")
        XCTAssertEqual(sent.count, 2)
        XCTAssertEqual(sent.last?.header("If-None-Match"), first.validators.etag)
        XCTAssertEqual(sent.last?.header("If-Modified-Since"), first.validators.lastModified)
    }

    func testGzipBodyArrivesDecoded() async throws {
        // Given a feed sent with Content-Encoding: gzip
        try server.addFile("feed.xml", contents: makeFeed())

        // When it is fetched
        let result = await fetcher.fetch(makeRequest("/gzip/feed.xml"))

        // Then the body is the plain feed
        let response = try XCTUnwrap(result.response, "\(result)")
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), makeFeed())
        XCTAssertEqual(response.headers["content-encoding"], "gzip")
    }

    func testPermanentRedirectChainReportsTheNewAddress() async throws {
        // When a feed URL answers 301 four times before the feed
        let result = await fetcher.fetch(makeRequest("/redirect/chain/3"))

        // Then the feed arrives and the new address is reported for the subscription
        let response = try XCTUnwrap(result.response, "\(result)")
        XCTAssertEqual(response.finalURL, server.url("/feed"))
        XCTAssertEqual(response.permanentRedirect, server.url("/feed"))
        XCTAssertTrue(String(decoding: response.body, as: UTF8.self).contains("<rss"))
        let hops = try await server.requests(to: "/redirect/chain/") + server.requests(to: "/feed")
        XCTAssertEqual(hops.count, 5)  // chain/3, 2, 1, 0, then /feed
        XCTAssertEqual(Set(hops.compactMap { $0.header("User-Agent") }), [HTTPFetcher.defaultUserAgent])
    }

    func testTemporaryRedirectOnTheWayIsNotPermanent() async throws {
        // When one hop of the chain is a 302
        let result = await fetcher.fetch(makeRequest("/redirect/301/redirect/302/feed"))

        // Then the body arrives but the subscription must not move
        let response = try XCTUnwrap(result.response, "\(result)")
        XCTAssertEqual(response.finalURL, server.url("/feed"))
        XCTAssertNil(response.permanentRedirect)
    }

    func testRedirectLoopFails() async throws {
        let result = await fetcher.fetch(makeRequest("/redirect/loop"))

        XCTAssertEqual(result.failure?.kind, .redirectLoop)
        XCTAssertEqual(result.failure?.description, "error: \(server.url("/redirect/loop")): redirect loop")
        let sent = try await server.requests(to: "/redirect/loop")
        XCTAssertLessThanOrEqual(sent.count, 3, "the loop is noticed on its first repeat")
    }

    func testPostWithoutFollowingRedirectsReturnsTheLocation() async throws {
        // Given a comment form that answers 302 to the new comment
        var request = makeRequest("/comment")
        request.method = .post
        request.body = Data("comment_post_ID=4&comment=Hello".utf8)
        request.headers = ["Content-Type": "application/x-www-form-urlencoded"]
        request.followRedirects = false

        // When the comment is posted
        let result = await fetcher.fetch(request)

        // Then the 302 and its Location come back, and the form body reached the server once
        let response = try XCTUnwrap(result.response, "\(result)")
        XCTAssertEqual(response.status, 302)
        XCTAssertEqual(response.location, server.url("/?p=4#comment-42"))
        let sent = try await server.requests(to: "/comment")
        XCTAssertEqual(sent.map(\.method), ["POST"])
        XCTAssertEqual(sent.first?.body, "comment_post_ID=4&comment=Hello")
        XCTAssertEqual(sent.first?.header("Content-Type"), "application/x-www-form-urlencoded")
        let followed = try await server.requests(to: "/?p=4")
        XCTAssertTrue(followed.isEmpty)
    }

    func testManyFetchesThroughTheQueueAllSucceedAndLeaveNoSocketsOpen() async throws {
        // Given a hundred subscriptions on one server
        let urls = (0..<100).map { server.url("/feed?n=\($0)") }
        let fetcher = self.fetcher
        let descriptorsBefore = openFileDescriptors()

        // When they are fetched eight at a time
        let results = await FetchQueue.run(urls, limit: 8) { url in
            await fetcher.fetch(FetchRequest(url: url, connectTimeout: 2, totalTimeout: 5))
        }

        // Then every one arrived, and the sessions let go of their connections
        XCTAssertEqual(results.filter { $0.response != nil }.count, 100)
        try await Task.sleep(nanoseconds: 200_000_000)
        XCTAssertLessThan(openFileDescriptors() - descriptorsBefore, 10)
    }

    func testSuccessiveFetchesReuseOneConnection() async throws {
        // Given a server that keeps connections alive
        let paths = (0..<10).map { "/feed?reuse=\($0)" }

        // When one fetcher fetches ten feeds one after the other
        for path in paths {
            let result = await fetcher.fetch(makeRequest(path))
            XCTAssertNotNil(result.response, "\(result)")
        }

        // Then they all came over a single connection
        let sent = try await server.requests(to: "/feed?reuse=")
        XCTAssertEqual(sent.count, 10)
        XCTAssertEqual(Set(sent.compactMap(\.clientPort)).count, 1, "\(sent.map(\.clientPort))")
    }

    func testHTMLPageIsReturnedWithItsContentType() async throws {
        let result = await fetcher.fetch(makeRequest("/html"))

        let response = try XCTUnwrap(result.response, "\(result)")
        XCTAssertEqual(response.mediaType, "text/html")
        let error = FetchError(url: response.finalURL, kind: .notAFeed(contentType: "text/html"))
        XCTAssertEqual(error.description, "error: \(server.url("/html")): not a feed (got text/html)")
    }

    // MARK: Fixtures

    func openFileDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }

    func makeRequest(_ path: String, validators: HTTPValidators? = nil) -> FetchRequest {
        FetchRequest(url: server.url(path), validators: validators, connectTimeout: 2, totalTimeout: 5)
    }

    func makeFeed() -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Café ☕</title>
        <item><title>One</title><guid>one</guid></item></channel></rss>
        """
    }
}

extension FetchResult {
    /// The response of an `.ok` result.
    var response: FetchResponse? {
        if case .ok(let response) = self { return response }
        return nil
    }

    /// The error of a `.failed` result.
    var failure: FetchError? {
        if case .failed(let error) = self { return error }
        return nil
    }
}
