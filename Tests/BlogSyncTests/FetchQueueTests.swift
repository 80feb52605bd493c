import BlogSync
import Foundation
import XCTest

final class FetchQueueTests: XCTestCase {
    /// Counts jobs in flight and remembers the highest count seen.
    private actor Gauge {
        var current = 0
        var peak = 0
        func enter() {
            current += 1
            peak = max(peak, current)
        }
        func leave() { current -= 1 }
    }

    func testRunsEveryJobInOrderWithinTheLimit() async {
        // Given twenty jobs that each take a little while
        let gauge = Gauge()

        // When they run four at a time
        let results = await FetchQueue.run(Array(1...20), limit: 4) { n in
            await gauge.enter()
            try? await Task.sleep(nanoseconds: 20_000_000)
            await gauge.leave()
            return n * 10
        }

        // Then every result is there, in job order, and never more than four ran at once
        XCTAssertEqual(results, (1...20).map { $0 * 10 })
        let peak = await gauge.peak
        XCTAssertEqual(peak, 4)
    }

    func testNoJobsGiveNoResults() async {
        let results = await FetchQueue.run([Int](), limit: 8) { $0 }
        XCTAssertEqual(results, [])
    }
}
