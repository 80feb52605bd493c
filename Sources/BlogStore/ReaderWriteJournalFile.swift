import Foundation

/// The journal's file and the lock file that guards changing it.
///
/// One JSON entry a line. A change holds an exclusive `flock` of the lock file: an append,
/// or a read, change and replace of the whole file (written beside it, then renamed over
/// it), so two readers' changes never lose each other's entries. Reading needs no lock. The
/// lock file stays: removing it could let two processes lock two different files.
struct ReaderWriteJournalFile: Sendable {
    let url: URL
    let lockURL: URL

    /// How long a change waits for another process's change to finish: they take
    /// milliseconds, and the caller is the reader's input thread.
    static let lockWait: TimeInterval = 1

    /// Why the journal could not be changed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `body` holding the lock; throws when another process keeps it past `lockWait`.
    ///
    /// Each call opens the lock file anew: `flock` locks belong to the open file, so two
    /// threads of one process exclude each other just as two processes do.
    func locked<T>(_ body: () throws -> T) throws -> T {
        let descriptor = open(lockURL.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw Failure(description: "\(lockURL.path): \(String(cString: strerror(errno)))")
        }
        // Closing the file lets go of the lock.
        defer { close(descriptor) }
        let deadline = Date().addingTimeInterval(Self.lockWait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                throw Failure(description: "\(lockURL.path): another Lectern keeps it locked")
            }
            usleep(1000)
        }
        return try body()
    }

    /// The entries in the file, oldest first; none when there is no file. A line that
    /// cannot be read is passed over. A journal from before entries had lines of their own
    /// is one line holding a list of writes.
    func entries() -> [ReaderWriteJournal.Entry] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).flatMap { line -> [ReaderWriteJournal.Entry] in
            if let entry = try? decoder.decode(ReaderWriteJournal.Entry.self, from: line) { return [entry] }
            let writes = (try? decoder.decode([ReaderWrite].self, from: line)) ?? []
            return writes.map { ReaderWriteJournal.Entry(owner: nil, write: $0) }
        }
    }

    /// Adds `entries` at the end, creating the file (user-only) when there is none. Call
    /// holding the lock.
    ///
    /// Not synced to disk, nor is `replace`: the journal guards against the reader being
    /// killed, which leaves the kernel's copy intact, and a sync per key press would cost
    /// more than the rest.
    func append(_ entries: [ReaderWriteJournal.Entry]) throws {
        // O_NOFOLLOW: never write through a link someone else put there.
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(url.path) }
        defer { close(descriptor) }
        let data = try Self.lines(entries)
        guard data.withUnsafeBytes({ writeAll(descriptor, $0) }) else { throw failure(url.path) }
    }

    /// Makes `entries` the whole file, user-only, replacing it at once; removes the file
    /// when there are none. Call holding the lock.
    func replace(with entries: [ReaderWriteJournal.Entry]) throws {
        guard !entries.isEmpty else {
            guard unlink(url.path) == 0 || errno == ENOENT else { throw failure(url.path) }
            return
        }
        let data = try Self.lines(entries)
        let temporary = url.path + ".\(getpid()).tmp"
        unlink(temporary)
        // O_EXCL and O_NOFOLLOW: never write through a file or link someone else put there.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(temporary) }
        let written = data.withUnsafeBytes { bytes in writeAll(descriptor, bytes) }
        close(descriptor)
        guard written, rename(temporary, url.path) == 0 else {
            let error = failure(temporary)
            unlink(temporary)
            throw error
        }
    }

    private static func lines(_ entries: [ReaderWriteJournal.Entry]) throws -> Data {
        let encoder = JSONEncoder()
        var data = Data()
        for entry in entries {
            data.append(try encoder.encode(entry))
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }

    private func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    private func failure(_ path: String) -> Failure {
        Failure(description: "\(path): \(String(cString: strerror(errno)))")
    }
}
