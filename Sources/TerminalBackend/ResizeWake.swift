import CNcursesw
import Glibc

/// A non-blocking pipe whose write end the resize signal handler writes a byte to, so a
/// run loop asleep in `poll` wakes for a resize as it does for a key.
final class ResizeWake {
    let read: Int32
    let write: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        if lectern_make_wake_pipe(&ends) != 0 { ends = [-1, -1] }
        read = ends[0]
        write = ends[1]
    }

    deinit {
        if read >= 0 { close(read) }
        if write >= 0 { close(write) }
    }

    /// Empties the pipe (its bytes only say "something happened").
    static func drain(_ descriptor: Int32) {
        guard descriptor >= 0 else { return }
        var bytes = [UInt8](repeating: 0, count: 64)
        while Glibc.read(descriptor, &bytes, bytes.count) > 0 {}
    }
}
