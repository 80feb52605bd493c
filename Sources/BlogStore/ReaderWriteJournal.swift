import Foundation

/// Reader writes that were still unwritten when the reader quit (another process held the
/// write lock past the reader's bounded wait at exit), kept in a file beside the cache until
/// the next reader writes them.
///
/// A user's mark is never dropped: it is in the cache, in memory, or here.
public struct ReaderWriteJournal: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url }

    /// The journal of the cache at `databasePath`: `<cache>-reader-writes.json`.
    public init(databasePath: String) {
        url = URL(fileURLWithPath: databasePath + "-reader-writes.json")
    }

    /// The writes kept, oldest first; none when there is no journal (or it cannot be read).
    public func load() -> [ReaderWrite] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return (try? JSONDecoder().decode([ReaderWrite].self, from: data)) ?? []
    }

    /// Adds `writes` to what the journal holds (another reader may have left some), a later
    /// write replacing an earlier one to the same slot; user-only permissions, replaced atomically.
    public func save(_ writes: [ReaderWrite]) throws {
        var kept = load()
        for write in writes {
            kept.removeAll { $0.slot == write.slot }
            kept.append(write)
        }
        try replace(with: kept)
    }

    /// Writes `writes` as the whole journal, user-only, replacing the file atomically.
    private func replace(with writes: [ReaderWrite]) throws {
        let data = try JSONEncoder().encode(writes)
        let temporary = url.path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary]) }
        guard rename(temporary, url.path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }

    /// Drops `written` (now in the cache) from the journal, and the file once it is empty;
    /// what another reader added meanwhile stays.
    public func forget(_ written: [ReaderWrite]) {
        let left = load().filter { !written.contains($0) }
        if left.isEmpty {
            try? FileManager.default.removeItem(at: url)
        } else {
            try? replace(with: left)
        }
    }
}
