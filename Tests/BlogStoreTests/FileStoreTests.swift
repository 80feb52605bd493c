import BlogModel
import BlogStore
import Foundation
import XCTest

final class FileStoreTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("blogstore-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func testFilesAreUserOnly() throws {
        // Given a path in a directory that does not exist yet
        let path = directory.appendingPathComponent("lectern/lectern.sqlite").path

        // When the store opens it and writes
        let store = try LibraryStore(path: path)
        try StoreFixtures.importBlog(into: store, posts: 1)

        // Then the directory is 0700 and every database file 0600
        XCTAssertEqual(try mode((path as NSString).deletingLastPathComponent), 0o700)
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            XCTAssertEqual(try mode(file), 0o600, file)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    func testReopenKeepsData() throws {
        // Given a store with data and sync metadata
        let path = directory.appendingPathComponent("lectern.sqlite").path
        let blogID = try StoreFixtures.importBlog(into: LibraryStore(path: path), posts: 2).blogID
        let first = try LibraryStore(path: path)
        try first.saveValidators(HTTPValidators(etag: "\"abc\"", lastModified: "Tue"), for: "https://x/feed")
        try first.recordSync(blogID: blogID, at: StoreFixtures.base, error: "timeout")
        try first.updateFeedURL(blogID: blogID, to: "https://example.org/new-feed")

        // When it is opened again
        let second = try LibraryStore(path: path)

        // Then everything is there
        XCTAssertEqual(try second.postCount(PostFilter()), 2)
        XCTAssertEqual(
            try second.validators(for: "https://x/feed"), HTTPValidators(etag: "\"abc\"", lastModified: "Tue"))
        XCTAssertNil(try second.validators(for: "https://y/feed"))
        let blog = try XCTUnwrap(second.blog(id: blogID))
        XCTAssertEqual(blog.lastError, "timeout")
        XCTAssertEqual(blog.lastSync, StoreFixtures.base)
        XCTAssertEqual(blog.feedURL, "https://example.org/new-feed")
    }

    func testValidatorsOfManyURLsComeInOneRead() throws {
        // Given validators stored for some URLs, one with an apostrophe and one with no ETag
        let store = try LibraryStore(path: directory.appendingPathComponent("lectern.sqlite").path)
        try store.saveValidators([
            (url: "https://x/feed", validators: HTTPValidators(etag: "\"a\"", lastModified: nil)),
            (
                url: "https://x/it's/feed",
                validators: HTTPValidators(etag: nil, lastModified: "Tue, 01 Oct 2024 10:00:00 GMT")
            ),
            (url: "https://y/feed", validators: HTTPValidators(etag: "\"c\"", lastModified: nil)),
        ])

        // When asked for a list that includes unknown URLs
        let found = try store.validators(forURLs: ["https://x/feed", "https://x/it's/feed", "https://z/feed"])

        // Then exactly the known ones among them are returned
        XCTAssertEqual(
            found,
            [
                "https://x/feed": HTTPValidators(etag: "\"a\"", lastModified: nil),
                "https://x/it's/feed": HTTPValidators(etag: nil, lastModified: "Tue, 01 Oct 2024 10:00:00 GMT"),
            ])
        XCTAssertEqual(try store.validators(forURLs: []), [:])
    }

    func testNotADatabaseIsAClearError() throws {
        // Given a text file where the cache should be
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("lectern.sqlite").path
        try Data(String(repeating: "this is not sqlite\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))

        // Then opening fails with an error naming the path
        XCTAssertThrowsError(try LibraryStore(path: path)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains(path), message)
            XCTAssertTrue(message.contains("not a database"), message)
        }
    }
}
