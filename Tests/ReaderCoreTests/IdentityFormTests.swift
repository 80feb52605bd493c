import ReaderCore
import XCTest

/// Who is commenting is asked on the reader's screen before the first comment, then the
/// comment starts.
final class IdentityFormTests: XCTestCase {
    private func asked() -> AppState {
        var state = AppState(size: ScreenSize(columns: 100, rows: 30))
        _ = reduce(&state, .identityNeeded(postID: 4, parentCommentID: 9))
        return state
    }

    private func type(_ text: String, into state: inout AppState) {
        for character in text { _ = reduce(&state, .input(.key(.character(character)))) }
    }

    func testAnsweringTheFormKeepsTheIdentityAndStartsTheComment() {
        var state = asked()
        type("Zoë Q", into: &state)
        XCTAssertEqual(reduce(&state, .input(.key(.enter))), [])
        type("zoe@example.org", into: &state)
        XCTAssertEqual(reduce(&state, .input(.key(.enter))), [])

        let effects = reduce(&state, .input(.key(.enter)))

        XCTAssertEqual(
            effects,
            [
                .saveIdentity(name: "Zoë Q", email: "zoe@example.org", url: nil),
                .compose(postID: 4, parentCommentID: 9),
            ])
        XCTAssertEqual(state.mode, .normal)
    }

    func testANameIsNeededBeforeMovingOn() {
        var state = asked()
        type("  ", into: &state)

        XCTAssertEqual(reduce(&state, .input(.key(.enter))), [])

        guard case .identityForm(let form) = state.mode else { return XCTFail("the form closed") }
        XCTAssertEqual(form.field, .name)
        XCTAssertEqual(state.status?.text, "Blogs need a name with a comment")
    }

    func testLettersThatAreKeysElsewhereAreTypedAndBackspaceErases() {
        var state = asked()
        type("qjx", into: &state)
        _ = reduce(&state, .input(.key(.backspace)))

        guard case .identityForm(let form) = state.mode else { return XCTFail("the form closed") }
        XCTAssertEqual(form.name, "qj")
    }

    func testEscapeGivesUpCommentingForNow() {
        var state = asked()
        type("Zoë", into: &state)

        XCTAssertEqual(reduce(&state, .input(.key(.escape))), [])
        XCTAssertEqual(state.mode, .normal)
    }
}
