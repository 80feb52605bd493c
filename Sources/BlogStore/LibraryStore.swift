import BlogModel
import CSQLiteConfig
import Foundation
import GRDB

/// The local cache of blogs, posts, comments, drafts and sync metadata.
///
/// Shaped like GRDB's `AppDatabase`: it owns the migrations and offers only reads and
/// writes that keep the data's invariants (imports never touch read state, stars or drafts).
public final class LibraryStore: Sendable {
    let writer: any DatabaseWriter
    let checkpointDeferral = CheckpointDeferral()

    /// Opens (creating if needed) the cache at `path` with user-only permissions, in WAL mode.
    ///
    /// The parent directory is created with mode 0700; the database and its `-wal`/`-shm`
    /// files get mode 0600.
    public init(path: String) throws {
        _ = Self.processSettings
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw LibraryStoreError.cannotOpen(path: path, reason: "\(error)")
        }
        // Files SQLite creates while opening must never be readable by others, even briefly.
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        do {
            let pool = try DatabasePool(path: path, configuration: Self.configuration())
            try Self.migrator.migrate(pool)
            writer = pool
        } catch let error as DatabaseError {
            throw LibraryStoreError.cannotOpen(path: path, reason: Self.describe(error))
        } catch {
            throw LibraryStoreError.cannotOpen(path: path, reason: "\(error)")
        }
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            chmod(file, 0o600)
        }
    }

    private init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// The cache file's path; nil for a cache in memory.
    public var databasePath: String? {
        let path = writer.path
        return path.isEmpty || path == ":memory:" ? nil : path
    }

    /// A fresh, empty cache in memory, for tests.
    public static func inMemory() throws -> LibraryStore {
        _ = processSettings
        return try LibraryStore(writer: DatabaseQueue(configuration: configuration()))
    }

    /// Made once, before the process's first connection (every connection is a store's).
    ///
    /// SQLite counts every allocation for `sqlite3_memory_used()` by default, under a mutex
    /// that all connections share: with the statistics off (nothing here reads them), the
    /// large import takes about 5% less time (11.3 s against 11.9 s, 0.9 s less CPU).
    private static let processSettings: Void = {
        _ = lectern_sqlite_disable_memory_statistics()
    }()

    /// How long a read waits for SQLite's rare reader locks before failing.
    static let readerBusyMilliseconds = 200

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // The reader, `lectern sync` and `lectern drafts` may run at once in different
        // terminals: a writer waits for another's transaction instead of failing at once.
        configuration.busyMode = .timeout(15)
        configuration.prepareDatabase { db in
            // WAL makes NORMAL durable enough for a cache, and it halves commit cost.
            // 8 KiB pages for a new cache (an existing one keeps its own): a 20,000-post import
            // writes fewer, fuller pages. Ignored once the file has any.
            try db.execute(sql: "PRAGMA page_size = 8192")
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY")
            if db.configuration.readonly {
                // A pool's readers never wait for a writer in WAL mode; they see SQLITE_BUSY
                // only in SQLite's rare cases (another process recovering the log after a
                // crash, or closing the last connection). The reader reads on its input
                // thread, so those get a short wait and an error, not GRDB's ten seconds.
                try db.execute(sql: "PRAGMA busy_timeout = \(Self.readerBusyMilliseconds)")
            }
        }
        return configuration
    }

    private static func describe(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_NOTADB: return "the file is not a database"
        case .SQLITE_CANTOPEN: return "the file cannot be opened"
        case .SQLITE_CORRUPT: return "the database is corrupt"
        case .SQLITE_PERM, .SQLITE_READONLY: return "permission denied"
        default: return error.message ?? "\(error.resultCode)"
        }
    }
}
