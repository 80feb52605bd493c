import BlogSync
import Foundation
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The fetcher against servers that attack: each attack ends in one clear error naming the
/// URL, after reading a bounded amount, whatever the server keeps sending.
final class HTTPHostileServerTests: XCTestCase {
    private var server: TestServer!
    private let fetcher = HTTPFetcher()

    override func setUpWithError() throws {
        server = try TestServer()
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    func testEndlessBodyStopsAtTheLimitAfterABoundedRead() async throws {
        // Given a feed that never ends, sent at 64 MiB a second, and a 4 MiB limit
        var request = makeRequest("/endless?mibps=64")
        request.maxBytes = 4 * 1024 * 1024
        request.allowsBodyFile = true

        // When it is fetched
        let result = await fetcher.fetch(request)

        // Then the fetch fails naming the limit, and the client hangs up on the server
        XCTAssertEqual(
            result.failure?.description, "error: \(server.url("/endless?mibps=64")): body larger than 4 MiB")
        let sent = try await bytesSent(to: "/endless?mibps=64")
        // At a real link's speed the cancel gets in at once, a few pieces past the limit (at
        // loopback speed it can wait for seconds: see the server's send_endless); a client that
        // read on would send the server on to 16 GiB, past 64 MiB within a second.
        XCTAssertLessThan(sent, 64 * 1024 * 1024, "the client read on")
    }

    func testEndlessBodyAtTheDefaultLimitSaysTwoHundredMiB() async throws {
        var request = makeRequest("/endless")
        request.allowsBodyFile = true

        let result = await fetcher.fetch(request)

        XCTAssertEqual(result.failure?.message, "body larger than 200 MiB")
    }

    func testHugeDeclaredLengthFailsBeforeTheBodyIsRead() async throws {
        // Given a server declaring 2 GB, under the default limit of a feed request
        var request = makeRequest("/huge-length")
        request.allowsBodyFile = true

        let started = Date()
        let result = await fetcher.fetch(request)

        // Then the fetch fails on the header, without waiting for a byte of body to count
        XCTAssertEqual(result.failure?.description, "error: \(server.url("/huge-length")): body larger than 200 MiB")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testGzipBombIsRefusedAsADecompressionBomb() async throws {
        // Given 64 MiB of zeros that travel as 64 KiB of gzip
        let result = await fetcher.fetch(makeRequest("/gzip-bomb?mib=64"))

        XCTAssertEqual(
            result.failure?.description,
            "error: \(server.url("/gzip-bomb?mib=64")): compressed body inflates more than 100 times (decompression bomb?)"
        )
    }

    func testBodyInflatingPastTheRatioFailsEvenUnderTheSizeLimit() async throws {
        // Given 8 MiB that gzip makes about 150 times smaller: well under any size limit
        let result = await fetcher.fetch(makeRequest("/high-ratio?mib=8"))

        XCTAssertEqual(result.failure?.kind, .inflatesTooMuch(limit: 100))
    }

    func testBombOfUndeclaredLengthIsHeldToTheSizeLimit() async throws {
        // Given a gzip bomb sent without a Content-Length, so its ratio cannot be known
        var request = makeRequest("/gzip-bomb?mib=64&nolength=1")
        request.maxBytes = 4 * 1024 * 1024

        let result = await fetcher.fetch(request)

        XCTAssertEqual(result.failure?.message, "body larger than 4 MiB")
    }

    func testErrorPageThatNeverEndsReportsItsStatus() async throws {
        // Given a 500 whose page never ends
        let result = await fetcher.fetch(makeRequest("/endless?status=500"))

        // Then the status is what the user hears of, with the page's first MiB kept
        XCTAssertEqual(result.failure?.message, "HTTP 500 Internal Server Error")
        guard case .httpStatus(_, let body)? = result.failure?.kind else { return XCTFail("\(result)") }
        XCTAssertEqual(body.count, FetchRequest.errorBodyLimit)
    }

    func testLongRedirectChainSaysHowManyRedirects() async throws {
        let result = await fetcher.fetch(makeRequest("/redirect/chain/15"))

        XCTAssertEqual(
            result.failure?.description, "error: \(server.url("/redirect/chain/15")): more than 10 redirects")
    }

    func testRedirectWhoseBodyNeverEndsFailsEarly() async throws {
        // Given a 301 whose body never ends (URLSession reads a redirect's body whole)
        var request = makeRequest("/redirect/endless")
        request.totalTimeout = 20

        let started = Date()
        let result = await fetcher.fetch(request)

        // Then it fails on its own account, well before the total timeout
        XCTAssertEqual(
            result.failure?.description, "error: \(server.url("/redirect/endless")): redirect whose body does not end")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testRedirectWhoseBodyNeverEndsOnTheSecondHopFailsEarly() async throws {
        // Given a 302 to a 301 whose body never ends
        var request = makeRequest("/redirect/then-endless")
        request.totalTimeout = 20

        let started = Date()
        let result = await fetcher.fetch(request)

        // Then it fails on its own account as on a first hop, well before the total timeout
        XCTAssertEqual(
            result.failure?.description,
            "error: \(server.url("/redirect/then-endless")): redirect whose body does not end")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testFetchesStartedWhileARedirectBodyPilesUpEndByTheirTimeout() async throws {
        // Given a 301 whose body never ends: URLSession reads it on its shared work queue,
        // which tasks started meanwhile must wait for
        let fetcher = self.fetcher
        let redirect = FetchRequest(url: server.url("/redirect/endless"), connectTimeout: 2, totalTimeout: 20)
        async let endless = fetcher.fetch(redirect)
        try await Task.sleep(nanoseconds: 500_000_000)

        // When more fetches start meanwhile
        let started = Date()
        let feeds = (0..<3).map { FetchRequest(url: server.url("/feed?n=\($0)"), connectTimeout: 2, totalTimeout: 4) }
        let count = await withTaskGroup(of: FetchResult.self) { group in
            for request in feeds { group.addTask { await fetcher.fetch(request) } }
            return await group.reduce(0) { count, _ in count + 1 }
        }

        // Then the redirect is still caught, and every fetch ends by its own timeout at the latest
        let message = await endless.failure?.message
        XCTAssertEqual(message, "redirect whose body does not end")
        XCTAssertEqual(count, 3)
        XCTAssertLessThan(Date().timeIntervalSince(started), 8)
    }

    func testHeaderThatIsNotUTF8NamesTheURLAndTheProblem() async throws {
        let result = await fetcher.fetch(makeRequest("/bad-header"))

        XCTAssertEqual(
            result.failure?.description,
            "error: \(server.url("/bad-header")): unreadable response header (bytes that are not UTF-8, or a line that is not \"Name: value\")"
        )
    }

    func testHeaderLineWithoutAColonNamesTheProblem() async throws {
        let result = await fetcher.fetch(makeRequest("/bad-header?kind=nocolon"))

        XCTAssertEqual(result.failure?.message, "unreadable response header (header without colon)")
    }

    // MARK: Fixtures

    func makeRequest(_ path: String) -> FetchRequest {
        FetchRequest(url: server.url(path), connectTimeout: 2, totalTimeout: 10)
    }

    /// How many body bytes the server wrote for `path` before the client hung up; waits
    /// (ten seconds at most) for the server to notice.
    func bytesSent(to path: String) async throws -> Int {
        struct Entry: Decodable {
            var path: String
            var sent: Int?
        }
        for _ in 0..<100 {
            let (data, _) = try await URLSession.shared.data(from: server.url("/__log"))
            let entries = try JSONDecoder().decode([Entry].self, from: data)
            if let sent = entries.first(where: { $0.path == path })?.sent { return sent }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        XCTFail("the server never saw the client hang up on \(path)")
        return .max
    }
}
