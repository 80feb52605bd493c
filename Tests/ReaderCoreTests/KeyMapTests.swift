import XCTest

@testable import ReaderCore

final class KeyMapTests: XCTestCase {
    private func command(_ key: Key, _ scope: CommandScope, _ map: KeyMap = .standard) -> Command? {
        map.command(for: key, in: scope)
    }

    func testDefaultKeysMatchTheReaderContract() {
        // Given the default key map, When keys are looked up in the post list, Then they follow DESIGN.md.
        let expectations: [(Key, Command)] = [
            (.character("j"), .moveDown), (.down, .moveDown), (.character("k"), .moveUp), (.up, .moveUp),
            (.tab, .nextPane), (.backTab, .previousPane), (.enter, .open),
            (.character(" "), .pageDown), (.character("b"), .pageUp),
            (.character("g"), .top), (.character("G"), .bottom),
            (.character("n"), .nextUnread), (.character("N"), .previousUnread),
            (.character("/"), .search), (.character("f"), .filter), (.character("F"), .clearFilter),
            (.character("o"), .openLink), (.character("q"), .quit),
            (.character("c"), .comment), (.character("D"), .drafts), (.character("s"), .sync),
            (.character("?"), .help), (.control("l"), .redraw), (.character("m"), .toggleRead),
            (.character("]"), .nextNewComment), (.character("["), .previousNewComment),
        ]
        for (key, expected) in expectations {
            XCTAssertEqual(command(key, .posts), expected, "key \(key.name)")
        }
    }

    func testThreadPaneKeysAndTheSpaceConflict() {
        // Given the thread pane, Then Space and z fold, h/← go up, J/K walk siblings, r replies.
        XCTAssertEqual(command(.character(" "), .thread), .toggleCollapse)
        XCTAssertEqual(command(.character("z"), .thread), .toggleCollapse)
        XCTAssertEqual(command(.character("h"), .thread), .parent)
        XCTAssertEqual(command(.left, .thread), .parent)
        XCTAssertEqual(command(.character("J"), .thread), .nextSibling)
        XCTAssertEqual(command(.character("K"), .thread), .previousSibling)
        XCTAssertEqual(command(.character("r"), .thread), .reply)
        // And Space still pages in the article, while PageDown pages in the thread.
        XCTAssertEqual(command(.character(" "), .article), .pageDown)
        XCTAssertEqual(command(.pageDown, .thread), .pageDown)
        XCTAssertNil(command(.character("h"), .posts))
    }

    func testRebindingReplacesTheDefaults() throws {
        // Given `[keys] down = ["x", "Down"]`, When the map is built
        let map = try KeyMap(overrides: ["down": ["x", "Down"], "redraw": ["Ctrl-R"]])
        // Then x moves down, j no longer does, and the help shows the new keys
        XCTAssertEqual(command(.character("x"), .posts, map), .moveDown)
        XCTAssertNil(command(.character("j"), .posts, map))
        XCTAssertEqual(command(.control("r"), .posts, map), .redraw)
        XCTAssertEqual(map.helpEntries.first { $0.command == .moveDown }?.keys, "x, ↓")
    }

    func testBadNamesAreReadableErrors() {
        XCTAssertThrowsError(try KeyMap(overrides: ["nxt": ["j"]])) { error in
            XCTAssertEqual("\(error)", "keys: unknown command \"nxt\"")
        }
        XCTAssertThrowsError(try KeyMap(overrides: ["down": ["Dwn"]])) { error in
            XCTAssertEqual("\(error)", "keys.down: unknown key name \"Dwn\"")
        }
        XCTAssertThrowsError(try KeyMap(overrides: ["down": ["q"]])) { error in
            XCTAssertEqual(error as? KeyMapError, .conflict(key: "q", first: "down", second: "quit"))
        }
    }

    func testKeyNamesParseAndPrint() {
        let cases: [(String, Key)] = [
            ("j", .character("j")), ("Up", .up), ("down", .down), ("PageUp", .pageUp),
            ("PageDown", .pageDown), ("Home", .home), ("End", .end), ("Enter", .enter), ("Tab", .tab),
            ("S-Tab", .backTab), ("BackTab", .backTab), ("Esc", .escape), ("Space", .character(" ")),
            ("Backspace", .backspace), ("Delete", .delete), ("F1", .function(1)), ("F12", .function(12)),
            ("C-x", .control("x")), ("Ctrl-L", .control("l")), ("Left", .left), ("Right", .right),
        ]
        for (name, key) in cases {
            XCTAssertEqual(Key(name: name), key, name)
            XCTAssertEqual(Key(name: key.name), key, "round trip of \(name)")
        }
        for bad in ["", "F13", "C-", "Ctrl-1", "Hyper", "\u{1B}"] { XCTAssertNil(Key(name: bad), bad) }
        XCTAssertEqual(Key.control("l").displayName, "Ctrl-L")
        XCTAssertEqual(Key.down.displayName, "↓")
        XCTAssertEqual(Key.backTab.displayName, "Shift-Tab")
    }

    func testHelpListsEveryCommandOnce() {
        let entries = KeyMap.standard.helpEntries
        XCTAssertEqual(
            entries.map(\.command),
            Command.allCases.sorted { a, b in
                CommandSpec.table.firstIndex { $0.command == a }! < CommandSpec.table.firstIndex { $0.command == b }!
            })
        XCTAssertEqual(Set(entries.map(\.name)).count, Command.allCases.count, "config names are unique")
        XCTAssertTrue(entries.allSatisfy { !$0.help.isEmpty && $0.keys != "(unbound)" })
    }
}
