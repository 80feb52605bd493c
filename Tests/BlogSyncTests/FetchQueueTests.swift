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

    func testSameHostJobsStayWithinTheirOwnLimit() async {
        // Given twelve fetches on one busy host and four on another
        let busy = Gauge()
        let total = Gauge()
        let jobs = (0..<12).map { ("busy.example", $0) } + (0..<4).map { ("quiet.example", $0) }

        // When they run eight at a time, two per host
        let host: ((String, Int)) -> String = { $0.0 }
        let results = await FetchQueue.run(jobs, limit: 8, perKeyLimit: 2, key: host) { job in
            await total.enter()
            if job.0 == "busy.example" { await busy.enter() }
            try? await Task.sleep(nanoseconds: 10_000_000)
            if job.0 == "busy.example" { await busy.leave() }
            await total.leave()
            return job.1
        }

        // Then all ran, in order, never more than two on the busy host
        XCTAssertEqual(results, Array(0..<12) + Array(0..<4))
        let busyPeak = await busy.peak
        let totalPeak = await total.peak
        XCTAssertEqual(busyPeak, 2)
        XCTAssertLessThanOrEqual(totalPeak, 4)
    }

    func testNoJobsGiveNoResults() async {
        let results = await FetchQueue.run([Int](), limit: 8) { $0 }
        XCTAssertEqual(results, [])
    }
}
