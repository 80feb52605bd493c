import BlogModel
import BlogStore
import BlogSync
import Foundation
import XCTest

/// The editor's draft files: private, readable back, and recovered after a crash.
final class OutboxDraftFileTests: XCTestCase {
    private var library: OutboxTestLibrary!
    private var drafts: URL!

    override func setUpWithError() throws {
        library = try OutboxTestLibrary(siteURL: "http://127.0.0.1:9")
        drafts = library.folder.appendingPathComponent("drafts")
    }

    override func tearDown() {
        library?.remove()
    }

    private func mode(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func testDraftFileIsPrivateAndNamedForItsPost() throws {
        // When a draft file is created for a reply
        let url = try DraftFile.create(
            in: drafts, postID: library.postID, parentCommentID: library.commentID,
            now: Date(timeIntervalSince1970: 1_700_000_000))

        // Then only the user can read it or list its folder
        XCTAssertEqual(try mode(url), 0o600)
        XCTAssertEqual(try mode(drafts), 0o700)
        XCTAssertEqual(url.lastPathComponent, "draft-\(library.postID)-\(library.commentID)-1700000000000.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# Lectern draft: post \(library.postID), reply to comment \(library.commentID)\n"))
    }

    func testWhatTheEditorWroteReadsBackWithoutTheHeader() throws {
        // Given a draft file on the post that the user filled in, with a line starting with #
        let url = try DraftFile.create(in: drafts, postID: library.postID, parentCommentID: nil)
        let written = try String(contentsOf: url, encoding: .utf8) + "#1 point: 日本語 🎉\n\nsecond paragraph\n\n"
        try written.write(to: url, atomically: false, encoding: .utf8)

        // When it is read
        let file = try DraftFile.read(url)

        // Then the body is exactly what was written, and the header says where it goes
        XCTAssertEqual(file.body, "#1 point: 日本語 🎉\n\nsecond paragraph")
        XCTAssertEqual(file.postID, library.postID)
        XCTAssertNil(file.parentCommentID)
    }

    func testFilesLeftBehindAreRecoveredAsDraftsAndRemoved() throws {
        // Given two editor files a killed reader left behind, one of them empty
        let reply = try DraftFile.create(
            in: drafts, postID: library.postID, parentCommentID: library.commentID, body: "Unsaved reply")
        let empty = try DraftFile.create(in: drafts, postID: library.postID, parentCommentID: nil)

        // When the next start recovers them
        let recovered = DraftRecovery.recover(in: drafts, store: library.store, authorName: "Ann")

        // Then the reply is a draft in the cache, and both files are gone
        XCTAssertEqual(recovered.count, 1)
        XCTAssertEqual(recovered.first?.body, "Unsaved reply")
        XCTAssertEqual(recovered.first?.parentCommentID, library.commentID)
        XCTAssertEqual(recovered.first?.authorName, "Ann")
        XCTAssertEqual(recovered.first?.state, .draft)
        XCTAssertEqual(try library.store.drafts().map(\.body), ["Unsaved reply"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: reply.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: empty.path))
    }

    func testRecoveringAnEditOfAnExistingDraftUpdatesIt() throws {
        // Given an existing draft being edited when the reader died
        let draft = try library.store.saveDraft(Draft(postID: library.postID, body: "old text"))
        _ = try DraftFile.create(
            in: drafts, postID: library.postID, parentCommentID: nil, draftID: draft.id, body: "new text")

        // When recovered
        let recovered = DraftRecovery.recover(in: drafts, store: library.store)

        // Then the same draft holds the new text
        XCTAssertEqual(recovered.map(\.id), [draft.id])
        XCTAssertEqual(try library.store.drafts().map(\.body), ["new text"])
    }

    func testFileForAPostNoLongerCachedIsKept() throws {
        // Given a file for a post the cache does not have
        let url = try DraftFile.create(in: drafts, postID: 999, parentCommentID: nil, body: "keep me")

        // When recovery runs
        let recovered = DraftRecovery.recover(in: drafts, store: library.store)

        // Then nothing is imported and the file stays for the user
        XCTAssertEqual(recovered, [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path))
    }
}
