import BlogSync
import Foundation
import XCTest

/// Large bodies go to a private temporary file rather than memory, and the file is gone once
/// the response is, or at once when the fetch fails.
final class HTTPBodyFileTests: XCTestCase {
    private var server: TestServer!
    private let fetcher = HTTPFetcher()

    override func setUpWithError() throws {
        server = try TestServer()
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    func testLargeFeedArrivesAsAPrivateFileAndParses() async throws {
        // Given a 10 MiB Atom feed, past the in-memory threshold
        let request = FetchRequest(url: server.url("/atom?mib=10"), totalTimeout: 30, allowsBodyFile: true)

        // When it is fetched
        let result = await fetcher.fetch(request)

        // Then it is in a file only this user can read, whole, and it parses from there
        let response = try XCTUnwrap(result.response, "\(result)")
        let file = try XCTUnwrap(response.bodyFile)
        XCTAssertTrue(response.body.isEmpty)
        XCTAssertGreaterThan(response.bodyCount, 9 * 1024 * 1024)
        var status = stat()
        XCTAssertEqual(stat(file.path, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o600)
        XCTAssertEqual(try response.parseFeed().items.count, 10 * 1024 / 48)
        XCTAssertTrue(String(decoding: response.bodyHead, as: UTF8.self).contains("<feed"))
    }

    func testTheFileGoesWithTheResponse() async throws {
        // Given a large body in a file
        let request = FetchRequest(url: server.url("/atom?mib=10"), totalTimeout: 30, allowsBodyFile: true)
        var response = await fetcher.fetch(request).response
        let path = try XCTUnwrap(response?.bodyFile?.path)
        XCTAssertFalse((openBodyFiles() + namedBodyFiles()).isEmpty, "the body is kept while the response lives")

        // When the response is let go
        response = nil

        // Then no copy of it remains, open or named (the last reference may be let go on the
        // transfer's own queue a moment later: wait a bounded while)
        XCTAssertNil(response)
        for _ in 0..<40 where !openBodyFiles().isEmpty { try await Task.sleep(nanoseconds: 50_000_000) }
        XCTAssertEqual(openBodyFiles(), [], "still open after use: \(path)")
        XCTAssertEqual(namedBodyFiles(), [])
    }

    func testAFailedFetchLeavesNoFileBehind() async throws {
        // Given an endless body allowed to spool, with a limit past the in-memory threshold
        var request = FetchRequest(url: server.url("/endless"), totalTimeout: 30, allowsBodyFile: true)
        request.maxBytes = 12 * 1024 * 1024

        let result = await fetcher.fetch(request)

        XCTAssertEqual(result.failure?.message, "body larger than 12 MiB")
        XCTAssertEqual(openBodyFiles(), [])
        XCTAssertEqual(namedBodyFiles(), [])
    }

    func testSmallBodyStaysInMemory() async throws {
        let request = FetchRequest(url: server.url("/feed"), allowsBodyFile: true)

        let result = await fetcher.fetch(request)

        let response = try XCTUnwrap(result.response, "\(result)")
        XCTAssertNil(response.bodyFile)
        XCTAssertEqual(response.bodyCount, response.body.count)
        XCTAssertEqual(try response.parseFeed().items.count, 1)
    }

    func testRequestThatCannotTakeAFileIsHeldToTheMemoryLimit() async throws {
        // Given a 30 MiB body and a request whose caller reads bodies from memory only
        let result = await fetcher.fetch(FetchRequest(url: server.url("/big?nolength=1"), totalTimeout: 30))

        XCTAssertEqual(result.failure?.kind, .tooLarge(limit: FetchRequest.memoryBodyLimit))
    }

    // MARK: Fixtures

    /// Descriptors of this process open on a body file (Linux names them after the deleted file).
    func openBodyFiles() -> [String] {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return fds.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)") }
            .filter { $0.contains("lectern-body-") }
    }

    /// Body files with a name in the temporary directory.
    func namedBodyFiles() -> [String] {
        let directory = FileManager.default.temporaryDirectory.path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix("lectern-body-") }
    }
}
