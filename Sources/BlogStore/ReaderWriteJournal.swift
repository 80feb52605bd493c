import Foundation

/// The reader's writes on their way to the cache, kept in a file beside it from the moment
/// the user makes them until they are in the cache.
///
/// Write-ahead: `ReaderWriteQueue` records a write here before `enqueue` returns and forgets
/// it once it is written, so a reader killed while another process holds the write lock
/// (SIGTERM, SIGHUP, kill -9) loses no mark: the next reader writes what it finds here first.
/// A user's mark is always in the cache or here.
///
/// Several readers may share the file (`ReaderWriteJournalFile`, changed under a lock). A
/// write is appended, one line, so a key press costs the same however long the file grew
/// while another process held the lock; a later line for a slot stands in for the earlier
/// ones, whoever wrote either. Each line names the reader that made it, so a reader starting
/// beside a running one takes over only the writes of readers that are gone.
public struct ReaderWriteJournal: Sendable {
    public let url: URL
    let file: ReaderWriteJournalFile

    /// A journal at `url`, locked through `url` with the extension `lock`.
    public init(url: URL) {
        self.url = url
        file = ReaderWriteJournalFile(url: url, lockURL: url.deletingPathExtension().appendingPathExtension("lock"))
    }

    /// The journal of the cache at `databasePath`: `<cache>-reader-writes.json`, locked
    /// through `<cache>-reader-writes.lock`.
    public init(databasePath: String) {
        self.init(url: URL(fileURLWithPath: databasePath + "-reader-writes.json"))
    }

    /// The writes kept, the latest for each slot, oldest first, whoever made them; none when
    /// there is no journal (or it cannot be read). No lock needed: the file only grows by
    /// whole lines or is replaced whole.
    public func load() -> [ReaderWrite] {
        Self.latest(file.entries()).map(\.write)
    }

    /// Keeps `writes` as this process's, each standing in for a kept write to the same slot.
    public func record(_ writes: [ReaderWrite]) throws {
        guard !writes.isEmpty else { return }
        try file.locked { try file.append(writes.map { Entry(owner: .current, write: $0) }) }
    }

    /// Drops `written` (now in the cache) and the older writes to their slots, and the file
    /// once it is empty; newer writes to those slots, and what other readers keep, stay.
    public func forget(_ written: [ReaderWrite]) {
        guard !written.isEmpty else { return }
        try? file.locked {
            var entries = file.entries()
            var changed = false
            for write in written {
                guard let index = entries.lastIndex(where: { $0.write == write }) else { continue }
                let slot = write.slot
                entries = entries.enumerated().filter { $0.offset > index || $0.element.write.slot != slot }.map(
                    \.element)
                changed = true
            }
            if changed { try file.replace(with: entries) }
        }
    }

    /// Takes over the writes of readers that are gone (killed, or quit while another
    /// process held the write lock), oldest first: they become this process's, so a reader
    /// starting beside this one leaves them alone. Leaves the file with the latest write
    /// per slot only.
    ///
    /// Entries naming this very process are taken too: a process runs one queue per cache,
    /// so they are those of an earlier process that had its pid.
    public func adoptOrphans() -> [ReaderWrite] {
        (try? file.locked {
            let all = file.entries()
            var entries = Self.latest(all)
            var adopted: [ReaderWrite] = []
            for index in entries.indices where entries[index].isOrphaned {
                adopted.append(entries[index].write)
                entries[index].owner = .current
            }
            if !adopted.isEmpty || entries.count != all.count { try file.replace(with: entries) }
            return adopted
        }) ?? []
    }

    /// The last entry for each slot, in file order.
    private static func latest(_ entries: [Entry]) -> [Entry] {
        var last: [ReaderWrite.Slot: Int] = [:]
        for (index, entry) in entries.enumerated() { last[entry.write.slot] = index }
        return entries.enumerated().filter { last[$0.element.write.slot] == $0.offset }.map(\.element)
    }

    /// One kept write and the reader that made it (nil: a journal from before readers were
    /// named, kept only at exit).
    struct Entry: Codable, Equatable, Sendable {
        var owner: ProcessIdentity?
        var write: ReaderWrite

        var isOrphaned: Bool {
            guard let owner, owner.pid != ProcessIdentity.current.pid else { return true }
            return !owner.isRunning
        }
    }
}
