import BlogSync
import Foundation
import XCTest

/// The fetcher when servers misbehave: each failure names the URL and says what happened.
final class HTTPFetcherFailureTests: XCTestCase {
    private var server: TestServer!
    private let fetcher = HTTPFetcher()

    override func setUpWithError() throws {
        server = try TestServer()
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    func testNotFoundNamesTheURLAndStatus() async throws {
        let result = await fetcher.fetch(makeRequest("/status/404"))

        XCTAssertEqual(result.failure?.status, 404)
        XCTAssertEqual(result.failure?.description, "error: \(server.url("/status/404")): HTTP 404 Not Found")
    }

    func testServerErrorNamesTheURLAndStatus() async throws {
        let result = await fetcher.fetch(makeRequest("/status/500"))

        XCTAssertEqual(
            result.failure?.description, "error: \(server.url("/status/500")): HTTP 500 Internal Server Error"
        )
    }

    func testRetryAfterSecondsIsReported() async throws {
        let result = await fetcher.fetch(makeRequest("/retry-after/120"))

        XCTAssertEqual(result.failure?.kind, .retryAfter(seconds: 120))
        XCTAssertEqual(
            result.failure?.description,
            "error: \(server.url("/retry-after/120")): server asks to retry after 120 s")
    }

    func testRetryAfterAsHTTPDateIsReported() async throws {
        let result = await fetcher.fetch(makeRequest("/retry-after-date/90"))

        guard case .retryAfter(let seconds)? = result.failure?.kind else {
            return XCTFail("expected retryAfter, got \(result)")
        }
        XCTAssertTrue((88...91).contains(seconds), "\(seconds)")
    }

    func testRetryOnceWaitsOutAShortDelayAndSucceeds() async throws {
        // Given a server that asks once to wait a second
        var request = makeRequest("/retry-once/1/feed")
        request.retryOnce = true

        // When the fetch may retry once
        let started = Date()
        let result = await fetcher.fetch(request)

        // Then it waited, asked again, and got the feed: exactly two requests
        XCTAssertNotNil(result.response, "\(result)")
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.9)
        let sent = try await server.requests(to: "/retry-once/")
        XCTAssertEqual(sent.count, 2)
    }

    func testRetryOnceDoesNotWaitPastTheCap() async throws {
        var request = makeRequest("/retry-after/120")
        request.retryOnce = true

        let result = await fetcher.fetch(request)

        XCTAssertEqual(result.failure?.kind, .retryAfter(seconds: 120))
        let sent = try await server.requests(to: "/retry-after/")
        XCTAssertEqual(sent.count, 1)
    }

    func testSlowServerHitsTheTotalTimeout() async throws {
        // Given a server that takes 4 s to answer and a 1 s budget
        var request = makeRequest("/slow/4")
        request.totalTimeout = 1

        // When fetched
        let started = Date()
        let result = await fetcher.fetch(request)

        // Then the fetch gives up after about a second and says so
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.5)
        XCTAssertEqual(result.failure?.description, "error: \(server.url("/slow/4")): timed out after 1 s")
    }

    func testSilentServerHitsTheIdleTimeout() async throws {
        // Given a server that says nothing for 4 s, a 1 s idle budget and a generous total one
        var request = makeRequest("/slow/4")
        request.connectTimeout = 1
        request.totalTimeout = 10

        let started = Date()
        let result = await fetcher.fetch(request)

        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
        XCTAssertEqual(result.failure?.message, "timed out after 1 s")
    }

    func testDripFeedingServerHitsTheTotalTimeout() async throws {
        // Given a server that keeps the connection busy with a byte every 0.2 s
        var request = makeRequest("/drip/5")
        request.connectTimeout = 2
        request.totalTimeout = 1.5

        let started = Date()
        let result = await fetcher.fetch(request)

        // Then the idle timeout never fires but the total one does
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
        XCTAssertEqual(result.failure?.kind, .timedOut(seconds: 1.5))
        XCTAssertEqual(result.failure?.message, "timed out after 1.5 s")
    }

    func testConnectionCutMidBodyFails() async throws {
        let result = await fetcher.fetch(makeRequest("/cut"))

        XCTAssertEqual(result.failure?.description, "error: \(server.url("/cut")): connection lost mid-body")
    }

    func testOversizeBodyWithLengthFailsBeforeDownloading() async throws {
        // Given a declared 30 MiB and a request that must hold its body in memory (16 MiB at most)
        let started = Date()
        let result = await fetcher.fetch(makeRequest("/big"))

        XCTAssertLessThan(Date().timeIntervalSince(started), 1.5)
        XCTAssertEqual(result.failure?.description, "error: \(server.url("/big")): body larger than 16 MiB")
    }

    func testOversizeBodyWithoutLengthIsCutWhileStreaming() async throws {
        // Given a body with no declared length and a 1 MiB limit
        var request = makeRequest("/big?nolength=1")
        request.maxBytes = 1024 * 1024

        let started = Date()
        let result = await fetcher.fetch(request)

        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
        XCTAssertEqual(result.failure?.kind, .tooLarge(limit: 1024 * 1024))
        XCTAssertEqual(result.failure?.message, "body larger than 1 MiB")
    }

    func testRefusedConnectionNamesTheURL() async throws {
        // Given a port nobody listens on any more
        let url = server.url("/feed")
        server.stop()
        server = nil

        let result = await fetcher.fetch(FetchRequest(url: url, connectTimeout: 1, totalTimeout: 2))

        XCTAssertEqual(result.failure?.description.hasPrefix("error: \(url): "), true, "\(result)")
    }

    func testCancellingTheTaskCancelsTheFetch() async throws {
        var request = makeRequest("/slow/4")
        request.totalTimeout = 10
        let fetcher = self.fetcher
        let task = Task { await fetcher.fetch(request) }

        try await Task.sleep(nanoseconds: 300_000_000)
        task.cancel()
        let result = await task.value

        XCTAssertEqual(result.failure?.kind, .cancelled)
    }

    // MARK: Fixtures

    func makeRequest(_ path: String) -> FetchRequest {
        FetchRequest(url: server.url(path), connectTimeout: 2, totalTimeout: 5)
    }
}
