import Foundation
import XCTest

@testable import BlogSync

final class SyncThreadPoolTests: XCTestCase {
    /// Jobs running at once, guarded by a lock: pool jobs run on plain threads.
    private final class Overlap: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private(set) var peak = 0
        private(set) var order: [Int] = []

        func enter(_ job: Int) {
            lock.lock()
            running += 1
            peak = max(peak, running)
            order.append(job)
            lock.unlock()
        }

        func leave() {
            lock.lock()
            running -= 1
            lock.unlock()
        }
    }

    func testTheWriterRunsOneJobAtATimeWhateverTheCallers() async throws {
        // Given the writer pool and twenty tasks handing it work at the same time
        let writer = SyncThreadPool.writer()
        defer { writer.close() }
        let overlap = Overlap()

        // When every task waits for its job
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for job in 0..<20 {
                group.addTask {
                    try await writer.perform {
                        overlap.enter(job)
                        Thread.sleep(forTimeInterval: 0.002)
                        overlap.leave()
                        return job * 2
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        // Then each got its own result, and no two jobs ever overlapped
        XCTAssertEqual(results.sorted(), (0..<20).map { $0 * 2 })
        XCTAssertEqual(overlap.peak, 1)
    }

    func testJobsFromOneCallerRunInTheOrderAskedAndErrorsComeBack() async throws {
        let writer = SyncThreadPool.writer()
        defer { writer.close() }
        let overlap = Overlap()
        for job in 0..<10 {
            try await writer.perform {
                overlap.enter(job)
                overlap.leave()
            }
        }
        XCTAssertEqual(overlap.order, Array(0..<10))

        struct Refused: Error {}
        do {
            try await writer.perform { throw Refused() }
            XCTFail("the job's error should reach the caller")
        } catch is Refused {}
    }
}
