import ReaderCore
import XCTest

/// Drafts recovered from an editor the reader could not wait for are announced with the key
/// that lists drafts, as the user bound it.
final class RecoveredDraftsMessageTests: XCTestCase {
    func testTheMessageNamesTheDraftsAndTheDraftListKey() {
        var state = AppState(size: ScreenSize(columns: 100, rows: 30))

        _ = reduce(&state, .draftsRecovered(ids: [3, 4]))

        XCTAssertEqual(state.status?.text, "recovered 2 unsaved drafts (3, 4): D lists them")
    }

    func testAReboundDraftListKeyIsTheOneNamed() throws {
        var state = AppState(
            size: ScreenSize(columns: 100, rows: 30), keyMap: try KeyMap(overrides: ["drafts": ["F6"]]))

        _ = reduce(&state, .draftsRecovered(ids: [7]))

        XCTAssertEqual(state.status?.text, "recovered 1 unsaved draft (7): F6 lists them")
    }
}
