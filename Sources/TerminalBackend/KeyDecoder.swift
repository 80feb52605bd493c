import CNcursesw
import ReaderCore

/// Turns what `wget_wch` reports into Lectern's `Key`s.
enum KeyDecoder {
    /// The event for a character `wget_wch` returned as text (status `OK`).
    static func event(forCharacter value: UInt32) -> InputEvent? {
        switch value {
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x1B: return .key(.escape)
        case 0x08, 0x7F: return .key(.backspace)
        case 0x01...0x1A:
            // Ctrl-A is 1: the letter is the code plus 0x60, lower-cased.
            return .key(.control(Character(Unicode.Scalar(value + 0x60)!)))
        case 0x1C...0x1F:
            // Ctrl-\ ] ^ _ keep their own punctuation.
            return .key(.control(Character(Unicode.Scalar(value + 0x40)!)))
        case 0x00, 0x80...0x9F:
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    /// The key for a curses key code (`wget_wch` status `KEY_CODE_YES`).
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        // Some terminals send Home and End as the VT220 Find and Select keys.
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        default:
            let first = lectern_key_function(1)
            if code >= first, code <= lectern_key_function(12) {
                return .function(Int(code - first) + 1)
            }
            return nil
        }
    }
}
