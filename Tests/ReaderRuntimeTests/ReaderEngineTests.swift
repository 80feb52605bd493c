import BlogModel
import BlogStore
import BlogSync
import Foundation
import ReaderCore
import ReaderRuntime
import ScreenKit
import XCTest

/// The reader without a terminal: `ReaderEngine` on a real (in-memory) cache, keys in,
/// frames out, with a stand-in for handing the terminal to an editor or a browser.
final class ReaderEngineTests: XCTestCase {
    private var folder: URL!
    private var store: LibraryStore!
    private var engine: ReaderEngine!
    private var terminal: StandInTerminal!
    private var savedEnvironment: [String: String?] = [:]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try LibraryStore.inMemory()
        let export = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/wxr/base.xml")
        _ = try ExportImporter(store: store).importWXR(atPath: export.path)
        var settings = ReaderSettings(draftsDirectory: folder.appendingPathComponent("drafts"))
        settings.authorName = "Test Reader"
        settings.authorEmail = "reader@example.org"
        let effects = EffectRunner(store: store, isSample: false, settings: settings)
        terminal = StandInTerminal()
        effects.terminal = terminal
        engine = ReaderEngine(state: AppState(size: ScreenSize(columns: 120, rows: 40)), effects: effects)
        engine.dispatch(.start)
    }

    override func tearDownWithError() throws {
        _ = engine?.effects.closeWrites(waitingAtMost: 5)
        for (name, value) in savedEnvironment {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    private func setEnvironment(_ name: String, _ value: String?) {
        if savedEnvironment[name] == nil {
            savedEnvironment[name] = .some(ProcessInfo.processInfo.environment[name])
        }
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
    }

    private func screen() -> String {
        let frame = engine.frame()
        return (0..<frame.rows).map { row in
            (0..<frame.columns).map { frame[row, $0].text }.joined()
        }.joined(separator: "\n")
    }

    private func press(_ keys: Key...) {
        for key in keys { engine.handle(.key(key)) }
        engine.drainInbox()
    }

    /// Drains background answers until `done` holds (a bounded wait).
    private func waitUntil(_ done: () throws -> Bool) rethrows {
        let deadline = Date().addingTimeInterval(10)
        while try !done(), Date() < deadline {
            engine.drainInbox()
            Thread.sleep(forTimeInterval: 0.02)
        }
        engine.drainInbox()
    }

    /// A stand-in editor: a script that appends `text` to the draft file it is given.
    private func editorWriting(_ text: String) throws -> String {
        let script = folder.appendingPathComponent("editor.sh")
        try "#!/bin/sh\nprintf '%s\\n' '\(text)' >> \"$1\"\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        return script.path
    }

    func testThePostListShowsTheCacheAndEnterOpensThePostWithItsThread() throws {
        XCTAssertTrue(screen().contains("First post"), screen())

        press(.enter)
        try waitUntil { engine.state.article.post != nil }

        XCTAssertEqual(engine.state.article.post?.title, engine.state.posts.selectedPost?.title)
        XCTAssertTrue(screen().contains(try XCTUnwrap(engine.state.article.post?.title)))
        XCTAssertFalse(engine.state.thread.thread.comments.isEmpty)
        XCTAssertEqual(engine.state.thread.postID, engine.state.article.post?.id)
    }

    func testAReadMarkReachesTheCache() throws {
        XCTAssertTrue(engine.effects.writes.waitUntilWritten(timeout: 5))
        let selected = try XCTUnwrap(engine.state.posts.selectedPost)
        let before = try unread(selected.id)

        press(.character("m"))
        XCTAssertTrue(engine.effects.writes.waitUntilWritten(timeout: 5))
        XCTAssertEqual(try unread(selected.id), !before, "m toggles the selected post's read state in the cache")

        press(.character("m"))
        XCTAssertTrue(engine.effects.writes.waitUntilWritten(timeout: 5))
        XCTAssertEqual(try unread(selected.id), before)
    }

    private func unread(_ postID: Int64) throws -> Bool {
        try XCTUnwrap(store.postWindow(PostFilter(), after: nil, limit: 100).first { $0.id == postID }).unread
    }

    func testCommentingHandsTheTerminalToTheEditorAndKeepsTheDraft() throws {
        setEnvironment("VISUAL", try editorWriting("Written in the stand-in editor."))
        press(.enter)
        try waitUntil { engine.state.article.post != nil }

        press(.character("c"))
        try waitUntil { try !store.drafts().isEmpty }

        XCTAssertEqual(terminal.handOffs, 1, "the editor ran with the terminal handed over")
        let draft = try XCTUnwrap(store.drafts().first)
        XCTAssertEqual(draft.body, "Written in the stand-in editor.")
        XCTAssertEqual(draft.postID, engine.state.article.post?.id)
        XCTAssertEqual(draft.authorName, "Test Reader")
    }

    func testAnEmptiedDraftIsSettledByAQuestionOnTheReadersScreen() throws {
        // Given an editor that leaves the new draft empty
        setEnvironment("VISUAL", "true")
        press(.enter)
        try waitUntil { engine.state.article.post != nil }

        // When the user comments and answers the question
        press(.character("c"))
        guard case .confirm(let request) = engine.state.mode else { return XCTFail("no question on screen") }
        XCTAssertEqual(request.question, "The draft is empty. Discard it?")
        XCTAssertTrue(screen().contains("The draft is empty. Discard it?"))
        press(.character("y"))

        // Then nothing is kept: no draft, no file
        XCTAssertEqual(try store.drafts(), [])
        let files =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("drafts").path)) ?? []
        XCTAssertEqual(files.filter { $0.hasPrefix("draft-") }, [])
        XCTAssertEqual(terminal.handOffs, 1)
    }

    func testKeepingAnEmptiedNewDraftStoresItEmpty() throws {
        setEnvironment("VISUAL", "true")
        press(.enter)
        try waitUntil { engine.state.article.post != nil }

        press(.character("c"))
        press(.character("n"))
        try waitUntil { try !store.drafts().isEmpty }

        XCTAssertEqual(try store.drafts().map(\.body), [""])
    }

    func testTheFirstCommentAsksWhoIsCommentingOnTheReadersScreen() throws {
        // Given a reader that does not know the user's name yet
        var kept: [CommenterIdentity] = []
        engine.effects.settings.authorName = nil
        engine.effects.settings.authorEmail = nil
        engine.effects.identityStore = { kept.append($0) }
        setEnvironment("VISUAL", try editorWriting("First words."))
        press(.enter)
        try waitUntil { engine.state.article.post != nil }

        // When the user comments: the form is on screen, not the plain terminal
        press(.character("c"))
        XCTAssertTrue(screen().contains("Blogs ask who is commenting"), screen())
        XCTAssertEqual(terminal.handOffs, 0)
        for character in "Zoë" { press(.character(character)) }
        press(.enter)
        for character in "zoe@example.org" { press(.character(character)) }
        press(.enter, .enter)
        try waitUntil { try !store.drafts().isEmpty }

        // Then the identity is kept and the comment carries it
        XCTAssertEqual(kept, [CommenterIdentity(name: "Zoë", email: "zoe@example.org", url: nil)])
        let draft = try XCTUnwrap(store.drafts().first)
        XCTAssertEqual(draft.authorName, "Zoë")
        XCTAssertEqual(draft.authorEmail, "zoe@example.org")
        XCTAssertEqual(draft.body, "First words.")
    }

    func testALinkOpensInTheBrowserThroughTheHandoffOrSaysHowToSetOne() throws {
        setEnvironment("BROWSER", nil)
        let refused = engine.effects.run(.openURL("https://example.org/a"), state: engine.state)
        XCTAssertEqual(
            refused, [.message("set $BROWSER to open links; the link is https://example.org/a", isError: true)])
        XCTAssertEqual(terminal.handOffs, 0)

        setEnvironment("BROWSER", "true")
        let opened = engine.effects.run(.openURL("https://example.org/a"), state: engine.state)
        XCTAssertEqual(opened, [.message("opened https://example.org/a", isError: false)])
        XCTAssertEqual(terminal.handOffs, 1)

        let hostile = engine.effects.run(.openURL("javascript:alert(1)"), state: engine.state)
        XCTAssertEqual(terminal.handOffs, 1, "a non-web link never reaches the browser")
        XCTAssertEqual(hostile.count, 1)
    }

    func testAPostOpensWhereTheUserLeftItAndWatchingAndMutingReachTheCache() throws {
        // Given the user left the first post at its reply, having watched it
        press(.enter)
        try waitUntil { engine.state.article.post != nil }
        let postID = try XCTUnwrap(engine.state.article.post?.id)
        press(.character("w"))
        while engine.state.focus != .thread { press(.tab) }
        press(.character("j"))
        let selected = try XCTUnwrap(engine.state.thread.selectedComment)
        XCTAssertNotEqual(selected.sourceID, engine.state.thread.thread.comment(at: 0).sourceID)
        engine.effects.finish(state: engine.state)
        XCTAssertTrue(engine.effects.writes.waitUntilWritten(timeout: 5))
        XCTAssertEqual(try store.watchedPostIDs(), [postID])
        XCTAssertEqual(try store.threadPosition(postID: postID)?.selectedComment, selected.sourceID)

        // When a new reader opens it
        let effects = EffectRunner(
            store: store, isSample: false, settings: ReaderSettings(draftsDirectory: folder.appendingPathComponent("d"))
        )
        let next = ReaderEngine(state: AppState(size: ScreenSize(columns: 120, rows: 40)), effects: effects)
        next.dispatch(.start)
        next.handle(.key(.enter))
        next.drainInbox()

        // Then the post and its thread load, at the same comment
        XCTAssertEqual(next.state.article.post?.id, postID)
        XCTAssertEqual(next.state.thread.selectedComment?.sourceID, selected.sourceID)

        // And muting that comment's author reaches the cache and hides the comment
        while next.state.focus != .thread { next.handle(.key(.tab)) }
        next.handle(.key(.character("M")))
        next.handle(.key(.character("y")))
        let deadline = Date().addingTimeInterval(10)
        while try store.mutes().isEmpty || next.state.thread.selectedComment?.sourceID == selected.sourceID,
            Date() < deadline
        {
            next.drainInbox()
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTAssertEqual(try store.mutes().count, 1)
        XCTAssertFalse(next.state.thread.thread.comments.contains { $0.sourceID == selected.sourceID })
        _ = effects.closeWrites(waitingAtMost: 5)
    }
}

/// Stands in for the real terminal: runs what would run with the terminal handed over and
/// counts how often that happened.
final class StandInTerminal: TerminalHandoff {
    private(set) var handOffs = 0

    func handOff(_ body: () -> Int32) -> Int32 {
        handOffs += 1
        return body()
    }
}
