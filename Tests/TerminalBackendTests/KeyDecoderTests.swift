import CNcursesw
import ReaderCore
import XCTest

@testable import TerminalBackend

/// What curses reports becomes the keys the key map binds.
final class KeyDecoderTests: XCTestCase {
    func testControlCharactersBecomeNamedKeys() {
        XCTAssertEqual(KeyDecoder.event(forCharacter: 0x0D), .key(.enter))
        XCTAssertEqual(KeyDecoder.event(forCharacter: 0x0A), .key(.enter))
        XCTAssertEqual(KeyDecoder.event(forCharacter: 0x09), .key(.tab))
        XCTAssertEqual(KeyDecoder.event(forCharacter: 0x1B), .key(.escape))
        XCTAssertEqual(KeyDecoder.event(forCharacter: 0x7F), .key(.backspace))
        XCTAssertEqual(KeyDecoder.event(forCharacter: 0x08), .key(.backspace))
        XCTAssertEqual(KeyDecoder.event(forCharacter: 0x01), .key(.control("a")))
        XCTAssertEqual(KeyDecoder.event(forCharacter: 0x12), .key(.control("r")))
        XCTAssertEqual(KeyDecoder.event(forCharacter: 0x1C), .key(.control("\\")))
    }

    func testTextKeysArriveAsTheCharactersTyped() {
        XCTAssertEqual(KeyDecoder.event(forCharacter: UInt32(UInt8(ascii: "j"))), .key(.character("j")))
        XCTAssertEqual(KeyDecoder.event(forCharacter: UInt32(UInt8(ascii: "?"))), .key(.character("?")))
        XCTAssertEqual(KeyDecoder.event(forCharacter: 0x4E2D), .key(.character("中")))
    }

    func testNulC1ControlsAndInvalidScalarsAreDropped() {
        XCTAssertNil(KeyDecoder.event(forCharacter: 0x00))
        XCTAssertNil(KeyDecoder.event(forCharacter: 0x9B))
        XCTAssertNil(KeyDecoder.event(forCharacter: 0xD800))
    }

    func testCursesKeyCodesBecomeKeys() {
        XCTAssertEqual(KeyDecoder.key(forKeyCode: KEY_UP), .up)
        XCTAssertEqual(KeyDecoder.key(forKeyCode: KEY_NPAGE), .pageDown)
        XCTAssertEqual(KeyDecoder.key(forKeyCode: KEY_FIND), .home)
        XCTAssertEqual(KeyDecoder.key(forKeyCode: KEY_SELECT), .end)
        XCTAssertEqual(KeyDecoder.key(forKeyCode: KEY_BTAB), .backTab)
        XCTAssertEqual(KeyDecoder.key(forKeyCode: lectern_key_function(1)), .function(1))
        XCTAssertEqual(KeyDecoder.key(forKeyCode: lectern_key_function(12)), .function(12))
        XCTAssertNil(KeyDecoder.key(forKeyCode: lectern_key_function(13)))
    }
}
