import Foundation

/// A program run to its end as a user runs it, with its wall time and the kernel's account of
/// its peak memory (`wait4`, so the figure is that process's own, not the benchmark's).
struct MeasuredChild {
    var seconds: Double
    var cpuSeconds: Double
    var peakResidentMegabytes: Double

    /// Runs `arguments` (the first is the program's path) with `environment`, output discarded;
    /// fails on a non-zero exit.
    static func run(_ arguments: [String], environment: [String: String]) throws -> MeasuredChild {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        let clock = Stopwatch()
        var child: pid_t = 0
        let spawned = posix_spawn(&child, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchmarkFailure("cannot run \(arguments[0]): error \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(child, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = clock.seconds
        // A normal exit leaves the low 7 bits 0 and the exit code in the next byte.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw BenchmarkFailure("\(arguments.joined(separator: " ")) failed (wait status \(status))")
        }
        func inSeconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return MeasuredChild(
            seconds: seconds, cpuSeconds: inSeconds(usage.ru_utime) + inSeconds(usage.ru_stime),
            peakResidentMegabytes: Double(usage.ru_maxrss) / 1024)
    }
}
