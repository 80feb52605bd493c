/// Runs many asynchronous jobs with at most `limit` of them in flight at once.
///
/// Feeds are fetched in parallel to hide network latency, but a bounded number at a time
/// so a long subscription list neither floods the network nor a single server.
public enum FetchQueue {
    /// Runs `work` for every element of `jobs`, at most `limit` at a time; results keep the
    /// order of `jobs`.
    public static func run<Job: Sendable, Output: Sendable>(
        _ jobs: [Job], limit: Int, _ work: @escaping @Sendable (Job) async -> Output
    ) async -> [Output] {
        guard !jobs.isEmpty else { return [] }
        let width = max(1, min(limit, jobs.count))
        return await withTaskGroup(of: (Int, Output).self) { group in
            var results = [Output?](repeating: nil, count: jobs.count)
            var next = 0
            for _ in 0..<width {
                let index = next
                group.addTask { (index, await work(jobs[index])) }
                next += 1
            }
            while let (index, output) = await group.next() {
                results[index] = output
                if next < jobs.count {
                    let index = next
                    group.addTask { (index, await work(jobs[index])) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}
