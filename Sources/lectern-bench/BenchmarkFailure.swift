/// A benchmark that could not run (a server that did not start, a generator that failed),
/// phrased for the user.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
