import ReaderCore
import XCTest

/// A draft the editor returned empty is settled by a question on the reader's own screen.
final class EmptyDraftQuestionTests: XCTestCase {
    private let emptied = EmptyDraft(filePath: "/tmp/draft-1-post-1.txt", draftID: nil, postID: 1, parentCommentID: nil)

    private func asked() -> AppState {
        var state = AppState(size: ScreenSize(columns: 100, rows: 30))
        _ = reduce(&state, .draftEmptied(emptied))
        return state
    }

    func testTheReaderAsksWhetherToDiscardIt() {
        guard case .confirm(let request) = asked().mode else { return XCTFail("no question") }
        XCTAssertEqual(request.question, "The draft is empty. Discard it?")
    }

    func testYesDiscardsAndNoKeeps() {
        var yes = asked()
        XCTAssertEqual(reduce(&yes, .input(.key(.character("y")))), [.settleEmptyDraft(emptied, discard: true)])
        XCTAssertEqual(yes.mode, .normal)

        var no = asked()
        XCTAssertEqual(reduce(&no, .input(.key(.character("n")))), [.settleEmptyDraft(emptied, discard: false)])
        XCTAssertEqual(no.mode, .normal)

        var escaped = asked()
        XCTAssertEqual(reduce(&escaped, .input(.key(.escape))), [.settleEmptyDraft(emptied, discard: false)])
    }

    func testAnEmptiedExistingDraftIsNamed() {
        var state = AppState(size: ScreenSize(columns: 100, rows: 30))
        _ = reduce(&state, .draftEmptied(EmptyDraft(filePath: "/tmp/x", draftID: 12, postID: 1, parentCommentID: nil)))
        guard case .confirm(let request) = state.mode else { return XCTFail("no question") }
        XCTAssertEqual(request.question, "Draft 12 is now empty. Discard it?")
    }
}
