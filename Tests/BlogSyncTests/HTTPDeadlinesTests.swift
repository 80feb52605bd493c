import Foundation
import XCTest

@testable import BlogSync

final class HTTPDeadlinesTests: XCTestCase {
    func testAPassedDeadlineFiresOnceAndACancelledOneNever() async throws {
        // Given two watched transfers, one of which finishes in time
        let deadlines = HTTPDeadlines()
        let expired = expectation(description: "the slow transfer times out")
        let cancelled = expectation(description: "the finished transfer never times out")
        cancelled.isInverted = true
        _ = deadlines.watch(seconds: 0.1) { expired.fulfill() }
        let finished = deadlines.watch(seconds: 0.1) { cancelled.fulfill() }
        deadlines.cancel(finished)

        // Then only the slow one expires, and only once
        await fulfillment(of: [expired, cancelled], timeout: 0.6)
    }
}
