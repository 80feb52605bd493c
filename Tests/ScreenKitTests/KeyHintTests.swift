import BlogModel
import ReaderCore
import ScreenKit
import XCTest

/// Keys named in the interface's text come from the key map: after a user rebinds a key,
/// the hints name the new key.
final class KeyHintTests: XCTestCase {
    private let size = ScreenSize(columns: 100, rows: 30)

    private func state(rebinding overrides: [String: [String]]) throws -> AppState {
        var state = ScreenFixtures.makeState(size: size)
        state.keyMap = try KeyMap(overrides: overrides)
        return state
    }

    private func screen(_ state: AppState) -> String {
        screenLines(ScreenRenderer.render(state, size: size)).joined(separator: "\n")
    }

    func testTheDraftListFooterNamesReboundKeys() throws {
        var state = try state(rebinding: ["delete-draft": ["x"], "send-drafts": ["Ctrl-S"]])
        state.mode = .draftList(DraftListState())

        let text = screen(state)

        XCTAssertTrue(text.contains("x delete"), text)
        XCTAssertTrue(text.contains("Ctrl-S send queued"), text)
        XCTAssertFalse(text.contains("d delete"), text)
        XCTAssertTrue(text.contains("c comments on the post"), text)
    }

    func testAnEmptyDraftListNamesTheReboundCommentKeys() throws {
        var state = try state(rebinding: ["comment": ["F5"], "reply": ["R"]])
        state.mode = .draftList(DraftListState())

        XCTAssertTrue(screen(state).contains("No drafts. F5 comments on the post, R replies to a comment."))
    }

    func testAQuestionNamesTheReboundAnswers() throws {
        var state = try state(rebinding: ["yes": ["j"], "no": ["N"]])
        state.mode = .confirm(ConfirmRequest(question: "Delete the draft?", effects: []))

        let text = screen(state)

        XCTAssertTrue(text.contains("j yes · N no"), text)
    }

    func testTheHelpTitleNamesTheReboundCloseKeys() throws {
        var state = try state(rebinding: ["quit": ["x"]])
        state.mode = .help(scroll: 0)

        XCTAssertTrue(screen(state).contains("Keys — x or Esc to close"))
    }

    func testTheEmptyArticlePaneNamesTheReboundOpenKey() throws {
        var state = try state(rebinding: ["open": ["o"]])
        state.article = ArticleState()

        XCTAssertTrue(screen(state).contains("Select a post and press o."))
    }
}
