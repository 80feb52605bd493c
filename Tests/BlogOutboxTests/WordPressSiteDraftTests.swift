import BlogModel
import BlogStore
import Foundation
import LecternTestSupport
import XCTest

@testable import BlogOutbox
@testable import BlogSync

/// Comment drafts sent to a real WordPress (Tests/WordPressSite) through what `lectern drafts
/// send` and `lectern show` use: `OutboxSender` over a synced cache, application passwords from
/// a credentials file, and `OutboxSentComments` for what the thread shows. Every check is
/// against what WordPress itself says it holds (`wp.php truth`).
final class WordPressSiteDraftTests: XCTestCase {
    private var site: WordPressSite!
    private var folder: URL!

    override func setUpWithError() throws {
        site = try WordPressSite.shared()
        try site.reset()
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-wp-drafts-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    // MARK: Moderation

    func testAFormReplyHeldForModerationShowsAsYoursAwaitingModerationAndIsSentOnlyOnce() async throws {
        // Given a synced site that holds every comment for moderation, and a reply queued to a comment
        try site.setOption("comment_moderation", "1")
        let library = try await addSite()
        let before = try site.truth()
        let (post, parent) = try replyTarget(before)
        let draft = try library.queueDraft(
            on: post, replyingTo: parent, author: "Zoë Ångström", body: "Held for now, I suppose (form reply).")

        // When the outbox sends it without an application password
        let results = await OutboxSender(store: library.store).send()

        // Then the send says it went through the form and is held for moderation
        XCTAssertEqual(results.count, 1, "\(results)")
        let result = try XCTUnwrap(results.first)
        XCTAssertEqual(result.route, .form)
        guard case .sent(let remoteID?, heldForModeration: true) = result.status else {
            return XCTFail("not sent as held with an id: \(result)")
        }
        // And WordPress has exactly one new comment with that id: held, on the post, under the parent
        let added = try newComments(since: before)
        XCTAssertEqual(added.map { String($0.id) }, [remoteID])
        let stored = try XCTUnwrap(added.first)
        XCTAssertEqual(stored.status, "hold")
        XCTAssertEqual(stored.post, post.id)
        XCTAssertEqual(stored.parent, parent.id)
        XCTAssertEqual(stored.author, "Zoë Ångström")
        XCTAssertEqual(stored.userID, 0)
        // And the draft is sent with that id, awaiting moderation
        let sent = try XCTUnwrap(library.store.draft(id: draft.id))
        XCTAssertEqual(sent.state, .sent)
        XCTAssertEqual(sent.remoteCommentID, remoteID)
        XCTAssertTrue(sent.isAwaitingModeration)
        // And before any sync the thread shows it once, as the user's, pending, under its parent
        let thread = try library.shownThread(of: post)
        XCTAssertEqual(thread.sent.map(\.sourceID), [remoteID])
        let row = try XCTUnwrap(thread.rows(of: remoteID).first)
        XCTAssertEqual(thread.rows(of: remoteID).count, 1)
        XCTAssertEqual(thread.thread.comment(at: row).status, .pending)
        XCTAssertEqual(thread.thread.comment(at: row).author, "Zoë Ångström")
        XCTAssertTrue(thread.isSentByUser(row))
        XCTAssertEqual(thread.parentSourceID(of: row), String(parent.id))

        // When the outbox is sent again
        let again = await OutboxSender(store: library.store).send()

        // Then nothing more was posted
        XCTAssertEqual(again, [])
        XCTAssertEqual(try newComments(since: before).map(\.id), added.map(\.id))
        XCTAssertEqual(try library.store.draft(id: draft.id)?.state, .sent)
    }

    func testAHeldReplyTheSiteApprovesArrivesWithTheNextSyncOnceUnderItsParent() async throws {
        // Given a reply sent through the form and held by the site's moderation
        try site.setOption("comment_moderation", "1")
        let library = try await addSite()
        let before = try site.truth()
        let (post, parent) = try replyTarget(before)
        let draft = try library.queueDraft(on: post, replyingTo: parent, author: "Jürgen", body: "Approve me, please.")
        let results = await OutboxSender(store: library.store).send()
        guard case .sent(let remoteID?, heldForModeration: true) = results.first?.status else {
            return XCTFail("not held: \(results)")
        }
        let id = try XCTUnwrap(Int(remoteID))

        // When the site approves it and the blog syncs
        try site.setStatus(comment: id, .approve)
        let sync = await library.engine.sync(library.blog)

        // Then the synced comment is in the thread exactly once, under its parent, no longer pending
        XCTAssertNil(sync.error)
        XCTAssertEqual(try site.truth().comments.first { $0.id == id }?.status, "approved")
        let thread = try library.shownThread(of: post)
        XCTAssertEqual(thread.sent, [], "the sent draft still stands in for the synced comment")
        XCTAssertEqual(thread.rows(of: remoteID).count, 1)
        let row = try XCTUnwrap(thread.rows(of: remoteID).first)
        XCTAssertEqual(thread.thread.comment(at: row).status, .approved)
        XCTAssertFalse(thread.isSentByUser(row))
        XCTAssertEqual(thread.parentSourceID(of: row), String(parent.id))
        XCTAssertEqual(thread.thread.comment(at: row).author, "Jürgen")
        // And the cache agrees with WordPress on the whole thread
        let expected = Dictionary(
            uniqueKeysWithValues: try site.truth().visibleComments(of: post.id)
                .map { (String($0.id), $0.parent == 0 ? "-" : String($0.parent)) })
        XCTAssertEqual(try CachedThreads.parents(in: library.store, blogID: library.blog.id)[post.link], expected)
        XCTAssertEqual(try library.store.draft(id: draft.id)?.state, .sent)
    }

    // MARK: Routes

    func testAnApprovedFormSendAppearsOnTheSiteWithTheDraftsNameAndText() async throws {
        // Given a synced site (moderation off, as installed) and a comment queued on a post
        let library = try await addSite()
        // When it is sent, Then WordPress has it approved, with the draft's name and text
        try await assertFormSend(library, author: "Ольга", body: "Plain words, sent through the form.")
    }

    func testWithAnApplicationPasswordTheRESTRoutePostsAsTheAdminWhoSkipsModeration() async throws {
        // Given a synced site that holds comments for moderation, and the admin's application password on file
        try site.setOption("comment_moderation", "1")
        let library = try await addSite()
        // When a reply is sent, Then it went by REST and WordPress stored it as the admin's, approved
        try await assertRESTSend(library, body: "Sent with an application password.")
    }

    func testPlainPermalinksAdvertiseARESTRouteQueryAndBothRoutesPostThere() async throws {
        // Given the site with plain permalinks, added and synced
        try site.permalinks(.plain)
        defer { try? site.permalinks(.pretty) }
        let library = try await addSite()

        // Then its REST root is the `?rest_route=/` query on index.php
        let root = try XCTUnwrap(library.blog.apiRoot)
        XCTAssertTrue(root.hasSuffix("/index.php?rest_route=/"), root)
        // And a form comment and a REST comment with an application password both arrive
        try await assertFormSend(library, author: "李小龙", body: "Form comment on a plain-permalink site.")
        try await assertRESTSend(library, body: "REST comment on a plain-permalink site.")
    }

    func testPrettyPermalinksAdvertiseWPJSONAndBothRoutesPostThere() async throws {
        // Given the site with pretty permalinks, added and synced
        let library = try await addSite()

        // Then its REST root is /wp-json/
        let root = try XCTUnwrap(library.blog.apiRoot)
        XCTAssertTrue(root.hasSuffix("/wp-json/"), root)
        // And a form comment and a REST comment with an application password both arrive
        try await assertFormSend(library, author: "Grace Hopper", body: "Form comment on a pretty-permalink site.")
        try await assertRESTSend(library, body: "REST comment on a pretty-permalink site.")
    }

    // MARK: Closed comments

    func testADraftOnAPostWithClosedCommentsIsHeldBackThenRefusedForGoodWhenForced() async throws {
        // Given a synced site and a comment queued on the post whose comments are closed
        let library = try await addSite()
        let before = try site.truth()
        let closed = try XCTUnwrap(before.posts.first { $0.commentStatus == "closed" })
        let draft = try library.queueDraft(on: closed, author: "Tom", body: "Knocking on a closed door.")

        // When the outbox is sent
        let results = await OutboxSender(store: library.store).send()

        // Then it is not sent but warned about, stays queued with the warning, and nothing was posted
        XCTAssertEqual(results.count, 1, "\(results)")
        guard case .warned(let warning) = results.first?.status else { return XCTFail("not warned: \(results)") }
        XCTAssertTrue(warning.contains("comments are closed"), warning)
        let warned = try XCTUnwrap(library.store.draft(id: draft.id))
        XCTAssertNotEqual(warned.state, .sent)
        XCTAssertEqual(warned.state, .queued)
        XCTAssertEqual(warned.lastError, warning)
        XCTAssertEqual(try newComments(since: before).count, 0)

        // When it is sent with force
        let forced = await OutboxSender(store: library.store, force: true).send()

        // Then WordPress refuses it (403, comments closed) and the draft failed for good
        XCTAssertEqual(forced.count, 1, "\(forced)")
        XCTAssertEqual(forced.first?.route, .form)
        // (The form route reads comments-closed only from an HTTP 403: wp-comments-post.php's `comment_closed`.)
        let closedReason = CommentSubmissionFailure(kind: .commentsClosed).reason
        XCTAssertEqual(forced.first?.status, .failed(reason: closedReason, retryable: false))
        let failed = try XCTUnwrap(library.store.draft(id: draft.id))
        XCTAssertEqual(failed.state, .failed)
        XCTAssertFalse(OutboxSender.isRetryable(failed))
        XCTAssertTrue(OutboxSender.hasFailedForGood(failed))
        XCTAssertEqual(try newComments(since: before).count, 0)
        // And a plain send does not try it again
        let later = await OutboxSender(store: library.store).send()
        XCTAssertEqual(later, [])
        // And `drafts queue --all` skips it and says so
        let selection = OutboxQueueSelection(all: try library.store.drafts())
        XCTAssertEqual(selection.queued.map(\.id), [])
        XCTAssertEqual(selection.skipped.map(\.id), [draft.id])
        XCTAssertNotNil(selection.skippedNote)
        XCTAssertEqual(try newComments(since: before).count, 0)
    }

    // MARK: Shared checks

    /// Queues a top-level comment, sends it without an application password, and checks that
    /// WordPress has it approved with the draft's name and text, and the draft is sent.
    private func assertFormSend(_ library: Library, author: String, body: String) async throws {
        let before = try site.truth()
        let post = try XCTUnwrap(before.posts.first { $0.commentsOpen && $0.title == "Quiet post ten" })
        let draft = try library.queueDraft(on: post, author: author, body: body)

        let results = await OutboxSender(store: library.store).send()

        XCTAssertEqual(results.count, 1, "\(results)")
        let result = try XCTUnwrap(results.first)
        XCTAssertEqual(result.route, .form)
        XCTAssertEqual(result.url?.path, "/wp-comments-post.php")
        guard case .sent(let remoteID?, heldForModeration: false) = result.status else {
            return XCTFail("not sent approved with an id: \(result)")
        }
        let added = try newComments(since: before)
        XCTAssertEqual(added.map { String($0.id) }, [remoteID])
        let stored = try XCTUnwrap(added.first)
        XCTAssertEqual(stored.status, "approved")
        XCTAssertEqual(stored.post, post.id)
        XCTAssertEqual(stored.parent, 0)
        XCTAssertEqual(stored.author, author)
        XCTAssertEqual(stored.content, body)
        XCTAssertEqual(stored.userID, 0)
        let sent = try XCTUnwrap(library.store.draft(id: draft.id))
        XCTAssertEqual(sent.state, .sent)
        XCTAssertEqual(sent.remoteCommentID, remoteID)
        XCTAssertFalse(sent.isAwaitingModeration)
        // The thread shows it at once, as the user's, not pending
        let thread = try library.shownThread(of: post)
        let row = try XCTUnwrap(thread.rows(of: remoteID).first)
        XCTAssertTrue(thread.isSentByUser(row))
        XCTAssertEqual(thread.thread.comment(at: row).status, .approved)
    }

    /// Queues a reply, sends it with the admin's application password from a credentials file
    /// keyed by the site's address, and checks that it went by REST to the site's advertised
    /// root and WordPress stored it as the admin's (user 1), approved.
    private func assertRESTSend(_ library: Library, body: String) async throws {
        let before = try site.truth()
        let (post, parent) = try replyTarget(before)
        let draft = try library.queueDraft(on: post, replyingTo: parent, author: "Not The Admin", body: body)
        let credentials = try credentialsFile(
            site: site.base, user: WordPressSite.adminUser, password: site.appPassword())

        let results = await OutboxSender(store: library.store, credentials: credentials).send()

        XCTAssertEqual(results.count, 1, "\(results)")
        let result = try XCTUnwrap(results.first)
        XCTAssertEqual(result.route, .rest)
        let root = try XCTUnwrap(library.blog.apiRoot)
        XCTAssertEqual(result.url?.absoluteString, root + "wp/v2/comments")
        guard case .sent(let remoteID?, heldForModeration: false) = result.status else {
            return XCTFail("not sent approved with an id: \(result)")
        }
        let added = try newComments(since: before)
        XCTAssertEqual(added.map { String($0.id) }, [remoteID])
        let stored = try XCTUnwrap(added.first)
        XCTAssertEqual(stored.userID, 1, "not the admin's comment")
        XCTAssertEqual(stored.author, WordPressSite.adminUser)
        XCTAssertEqual(stored.status, "approved")
        XCTAssertEqual(stored.post, post.id)
        XCTAssertEqual(stored.parent, parent.id)
        XCTAssertEqual(stored.content, body)
        let sent = try XCTUnwrap(library.store.draft(id: draft.id))
        XCTAssertEqual(sent.state, .sent)
        XCTAssertEqual(sent.remoteCommentID, remoteID)
    }

    // MARK: Helpers

    /// A synced cache of the site, as `lectern add` and `lectern sync` leave it.
    private struct Library {
        let store: LibraryStore
        let engine: SyncEngine
        let blog: Blog

        /// The cached post WordPress knows as `post`.
        func cachedPost(_ post: WordPressSite.Truth.Post) throws -> PostSummary {
            try XCTUnwrap(
                store.postWindow(PostFilter(blogID: blog.id), after: nil, limit: 10_000)
                    .first { $0.link == post.link }, "\(post.title) is not in the cache")
        }

        /// Saves a draft on `post` (replying to `parent`) and queues it, as the reader and
        /// `lectern drafts queue` do.
        func queueDraft(
            on post: WordPressSite.Truth.Post, replyingTo parent: WordPressSite.Truth.Comment? = nil,
            author: String, body: String
        ) throws -> Draft {
            let postID = try cachedPost(post).id
            var parentID: Int64?
            if let parent {
                parentID = try XCTUnwrap(
                    store.comments(postID: postID).first { $0.sourceID == String(parent.id) }?.id,
                    "comment \(parent.id) is not in the cache")
            }
            let slug = author.lowercased().filter { $0.isLetter && $0.isASCII }
            let draft = try store.saveDraft(
                Draft(
                    postID: postID, parentCommentID: parentID, authorName: author,
                    authorEmail: "\(slug.isEmpty ? "someone" : slug)@example.org", authorURL: "", body: body))
            try store.setDraftState(id: draft.id, state: .queued)
            return try XCTUnwrap(store.draft(id: draft.id))
        }

        /// The thread as `lectern show` builds it: cached comments plus the sent drafts no sync brought yet.
        func shownThread(of post: WordPressSite.Truth.Post) throws -> ShownThread {
            let postID = try cachedPost(post).id
            let cached = try store.comments(postID: postID)
            let sent = OutboxSentComments.comments(
                from: try store.drafts().filter { $0.postID == postID }, among: cached)
            return ShownThread(thread: CommentThread(comments: cached + sent), sent: sent)
        }
    }

    private struct ShownThread {
        let thread: CommentThread
        let sent: [Comment]

        /// The rows showing the comment WordPress knows as `remoteID`.
        func rows(of remoteID: String) -> [Int] {
            thread.rows.indices.filter { thread.comment(at: $0).sourceID == remoteID }
        }

        /// True when the row is one of the user's sent drafts standing in for its comment.
        func isSentByUser(_ row: Int) -> Bool { thread.comment(at: row).id < 0 }

        func parentSourceID(of row: Int) -> String? {
            thread.rows[row].parentRow.map { thread.comment(at: $0).sourceID }
        }
    }

    /// Adds the site by its home page, as `lectern add` does, and syncs it once.
    private func addSite() async throws -> Library {
        let store = try LibraryStore(path: folder.appendingPathComponent("lectern.sqlite").path)
        let engine = SyncEngine(store: store)
        let blog = try await engine.subscribe(site.url("/"))
        let result = await engine.sync(blog)
        XCTAssertNil(result.error)
        return Library(store: store, engine: engine, blog: try XCTUnwrap(store.blog(id: blog.id)))
    }

    /// "A deep thread" and its level-two comment, to reply to.
    private func replyTarget(_ truth: WordPressSite.Truth) throws -> (
        WordPressSite.Truth.Post, WordPressSite.Truth.Comment
    ) {
        let post = try XCTUnwrap(truth.posts.first { $0.title == "A deep thread" })
        XCTAssertTrue(post.commentsOpen)
        let parent = try XCTUnwrap(truth.visibleComments(of: post.id).first { $0.content.contains("Level two") })
        return (post, parent)
    }

    /// The comments WordPress holds now that it did not in `before`, any status.
    private func newComments(since before: WordPressSite.Truth) throws -> [WordPressSite.Truth.Comment] {
        let known = Set(before.comments.map(\.id))
        return try site.truth().comments.filter { !known.contains($0.id) }
    }

    /// Writes a credentials file as a user would (`SITE USER PASSWORD`, mode 0600) and loads it
    /// as `lectern drafts send` does.
    private func credentialsFile(site: String, user: String, password: String) throws -> [String:
        CommentSubmissionCredentials]
    {
        let file = folder.appendingPathComponent("application-passwords-\(UUID().uuidString.prefix(6))")
        let text = "# Lectern application passwords\n\(site) \(user) \(password)\n"
        XCTAssertTrue(
            FileManager.default.createFile(
                atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]))
        return try CommentSubmissionCredentials.load(from: file)
    }
}
