import Foundation

/// A program run to its end as a user runs it, with its wall time and the kernel's account of
/// its peak memory (`wait4`, so the figure is that process's own, not the benchmark's).
struct MeasuredChild {
    var seconds: Double
    var cpuSeconds: Double
    var peakResidentMegabytes: Double

    /// Runs `arguments` (the first is the program, a path or a name looked up in `PATH`) with
    /// `environment`, output discarded (standard error into `errorLog`, when given); fails on a
    /// non-zero exit, quoting the start of `errorLog`.
    ///
    /// Timed with `wait4`, not `Process.waitUntilExit()`, which polls every 50 ms: a tenth of
    /// a second command would be measured 50 ms late.
    static func run(
        _ arguments: [String], environment: [String: String], errorLog: String? = nil
    ) throws -> MeasuredChild {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        if let errorLog {
            posix_spawn_file_actions_addopen(&actions, 2, errorLog, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        let clock = Stopwatch()
        var child: pid_t = 0
        let spawned = posix_spawnp(&child, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchmarkFailure("cannot run \(arguments[0]): error \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(child, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = clock.seconds
        // A normal exit leaves the low 7 bits 0 and the exit code in the next byte.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            let said = errorLog.flatMap { FileManager.default.contents(atPath: $0) }.map {
                ": " + String(decoding: $0.prefix(500), as: UTF8.self)
            }
            throw BenchmarkFailure(
                "\(arguments.joined(separator: " ")) failed (wait status \(status))\(said ?? "")")
        }
        func inSeconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return MeasuredChild(
            seconds: seconds, cpuSeconds: inSeconds(usage.ru_utime) + inSeconds(usage.ru_stime),
            peakResidentMegabytes: Double(usage.ru_maxrss) / 1024)
    }
}
