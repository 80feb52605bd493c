import Foundation

/// A process, told apart from a later one that reuses its pid by the moment it started.
///
/// The journal of reader writes names the reader that made each entry, so that a reader
/// starting beside a running one takes over only the entries of readers that are gone.
struct ProcessIdentity: Codable, Equatable, Sendable {
    var pid: Int32
    /// When the process started, in clock ticks after boot (`/proc/PID/stat`, field 22); nil
    /// where there is no `/proc`, and the pid alone names the process.
    var started: UInt64?

    /// This process.
    static let current = ProcessIdentity(pid: getpid())

    init(pid: Int32) {
        self.pid = pid
        started = Self.startTime(of: pid)
    }

    /// True while the process runs: one with its pid runs and started when it did. A killed
    /// process its parent has not reaped yet (a zombie) has ended.
    var isRunning: Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = Self.stat(of: pid) else { return true }
        return !["Z", "X", "x"].contains(stat.state) && (started == nil || stat.started == started)
    }

    /// Fields 3 (the state) and 22 (the start time) of `/proc/PID/stat`; nil without `/proc`.
    private static func stat(of pid: Int32) -> (state: Substring, started: UInt64?)? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Counted after the command name, which is in parentheses and may itself hold spaces
        // and parentheses; the fields after it start at field 3.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard let state = fields.first else { return nil }
        return (state, fields.count > 19 ? UInt64(fields[19]) : nil)
    }

    private static func startTime(of pid: Int32) -> UInt64? { stat(of: pid)?.started }
}
