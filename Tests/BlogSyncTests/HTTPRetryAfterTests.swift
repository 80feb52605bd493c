import BlogSync
import Foundation
import XCTest

final class HTTPRetryAfterTests: XCTestCase {
    func testReadsDelaySeconds() {
        XCTAssertEqual(HTTPRetryAfter.seconds(from: "120"), 120)
        XCTAssertEqual(HTTPRetryAfter.seconds(from: " 0 "), 0)
    }

    func testReadsAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 784_111_717)  // Sun, 06 Nov 1994 08:48:37 GMT
        XCTAssertEqual(HTTPRetryAfter.seconds(from: "Sun, 06 Nov 1994 08:49:37 GMT", now: now), 60)
    }

    func testDateInThePastMeansNow() {
        XCTAssertEqual(HTTPRetryAfter.seconds(from: "Sun, 06 Nov 1994 08:49:37 GMT"), 0)
    }

    func testRejectsGarbage() {
        XCTAssertNil(HTTPRetryAfter.seconds(from: "soon"))
    }
}
