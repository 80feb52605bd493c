import Foundation

/// Process CPU time and peak resident memory, as the kernel counts them.
enum ResourceUsage {
    static var peakResidentMegabytes: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // Linux reports KiB
    }

    static var cpuSeconds: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// Wall-clock timing for one phase.
struct Stopwatch {
    private let start = DispatchTime.now().uptimeNanoseconds
    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}

/// CPU time of the calling thread since creation: how much of a press the reader computed,
/// as against waited.
struct ThreadCPUClock {
    private let start = ThreadCPUClock.now()

    var milliseconds: Double { (Self.now() - start) * 1000 }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
