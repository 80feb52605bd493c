/// Runs many asynchronous jobs with a bounded number in flight, overall and per key.
///
/// Feeds are fetched in parallel to hide network latency, but a bounded number at a time
/// so a long subscription list neither floods the network nor hammers one server (the
/// key is usually the URL's host: many blogs can live on one WordPress.com-like host).
public enum FetchQueue {
    /// Runs `work` for every element of `jobs`, at most `limit` at a time; results keep the
    /// order of `jobs`.
    public static func run<Job: Sendable, Output: Sendable>(
        _ jobs: [Job], limit: Int, _ work: @escaping @Sendable (Job) async -> Output
    ) async -> [Output] {
        await run(jobs, limit: limit, perKeyLimit: limit, key: { _ in "" }, work)
    }

    /// Runs `work` for every job, at most `limit` at a time and at most `perKeyLimit` at a
    /// time among jobs with the same `key`; results keep the order of `jobs`.
    public static func run<Job: Sendable, Output: Sendable>(
        _ jobs: [Job], limit: Int, perKeyLimit: Int, key: (Job) -> String,
        _ work: @escaping @Sendable (Job) async -> Output
    ) async -> [Output] {
        guard !jobs.isEmpty else { return [] }
        let limit = max(1, limit)
        let perKeyLimit = max(1, perKeyLimit)
        let keys = jobs.map(key)
        return await withTaskGroup(of: (Int, Output).self) { group in
            var results = [Output?](repeating: nil, count: jobs.count)
            var waiting = Array(jobs.indices)
            var running: [String: Int] = [:]
            var inFlight = 0

            func startWhatFits() {
                var index = 0
                while inFlight < limit, index < waiting.count {
                    let job = waiting[index]
                    guard running[keys[job], default: 0] < perKeyLimit else {
                        index += 1
                        continue
                    }
                    waiting.remove(at: index)
                    running[keys[job], default: 0] += 1
                    inFlight += 1
                    let item = jobs[job]
                    group.addTask { (job, await work(item)) }
                }
            }

            startWhatFits()
            while let (job, output) = await group.next() {
                results[job] = output
                running[keys[job], default: 1] -= 1
                inFlight -= 1
                startWhatFits()
            }
            return results.map { $0! }
        }
    }
}
