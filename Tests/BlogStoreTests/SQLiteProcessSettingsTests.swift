import BlogModel
import GRDBSQLite
import XCTest

@testable import BlogStore

/// SQLite's process-wide settings are made before the first connection opens.
final class SQLiteProcessSettingsTests: XCTestCase {
    func testMemoryStatisticsAreOffSoAllocationsTakeNoSharedLock() throws {
        // Given a store that has written and read
        let store = try LibraryStore.inMemory()
        try store.writeSession { session in
            _ = try session.upsertBlog(Blog(sourceKey: "https://b/feed/", title: "B"))
        }
        XCTAssertEqual(try store.blogs().count, 1)
        // Then SQLite kept no count of its memory: the statistics (and their mutex) are off
        XCTAssertEqual(sqlite3_memory_used(), 0)
    }
}
