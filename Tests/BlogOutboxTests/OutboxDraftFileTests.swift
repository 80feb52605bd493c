import BlogModel
import BlogOutbox
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
        XCTAssertTrue(
            text.contains(
                "\n# Lectern draft: post \(library.postID), reply to comment \(library.commentID) (cache ids; leave this line as it is)\n"
            ))
    }

    func testTheHeadingNamesTheCommentAsTheSiteDoes() throws {
        // Given a reply to comment 4521 by a stranger with a hostile name, on a post whose
        // comments are closed and whose title holds a newline and an escape
        let post = Post(
            id: library.postID, sourceID: "p", title: "Night \u{1B}[2Jtrains\nof Tokyo",
            link: "https://blog.example.org/2024/trains/#top", commentsOpen: false)
        let parent = Comment(id: library.commentID, sourceID: "4521", author: "Zoë \u{1B}]0;x\u{07}Example")

        // When its draft file is written
        let heading = DraftFileHeading(post: post, parentCommentID: parent.id, parent: parent).lines
        let url = try DraftFile.create(
            in: drafts, postID: library.postID, parentCommentID: library.commentID, heading: heading)
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")

        // Then the user first reads the site's comment number, its author, the post and the
        // comment's address, every one of them terminal-safe, then that the site will refuse it
        XCTAssertEqual(
            lines[0],
            "# Replying to Zoë ␛]0;x␇Example, comment 4521 on “Night ␛[2Jtrains of Tokyo”"
                + " (https://blog.example.org/2024/trains/#comment-4521)")
        XCTAssertEqual(
            lines[1],
            "# Comments are closed on this post: the site will refuse this comment"
                + " (`lectern drafts send --force` tries anyway).")
        XCTAssertEqual(lines[2], "# Write your comment below the dashed line; save and quit to keep it.")
        // And reading the file back still finds the post and the comment by their cache ids
        let file = try DraftFile.read(url)
        XCTAssertEqual(file.postID, library.postID)
        XCTAssertEqual(file.parentCommentID, library.commentID)
        XCTAssertEqual(file.body, "")
    }

    func testACommentOnThePostNamesThePost() {
        let post = Post(sourceID: "p", title: "Hello", link: "https://blog.example.org/hello/")
        XCTAssertEqual(
            DraftFileHeading(post: post, parentCommentID: nil, parent: nil).lines,
            ["Commenting on “Hello” (https://blog.example.org/hello/)"])
    }

    func testAFileInTheOldFormatIsStillRecovered() throws {
        // Given a file an earlier Lectern left behind: its machine header first, no heading
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        let url = drafts.appendingPathComponent("draft-\(library.postID)-\(library.commentID)-1.txt")
        try """
        # Lectern draft: post \(library.postID), reply to comment \(library.commentID)
        # Write your comment below the dashed line; save and quit to keep it.
        # ----------------------------------------------------------------------
        Written before the upgrade

        """.write(to: url, atomically: false, encoding: .utf8)

        // When the next start recovers it
        let recovered = DraftRecovery.recover(in: drafts, store: library.store, authorName: "Ann")

        // Then it is the same reply as before
        XCTAssertEqual(recovered.map(\.body), ["Written before the upgrade"])
        XCTAssertEqual(recovered.first?.parentCommentID, library.commentID)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }

    func testAHeadedFileWhoseDashedLineWasDeletedKeepsOnlyTheBody() throws {
        // Given a headed file whose dashed line the user deleted
        let url = try DraftFile.create(
            in: drafts, postID: library.postID, parentCommentID: nil,
            heading: ["Commenting on “A post”", "Comments are closed on this post"])
        let header = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            .filter { !$0.isEmpty && !$0.hasPrefix("# ---") }
        try (header + ["My words", ""]).joined(separator: "\n").write(to: url, atomically: false, encoding: .utf8)

        // When it is read, Then the body is what the user wrote
        XCTAssertEqual(try DraftFile.read(url).body, "My words")
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
