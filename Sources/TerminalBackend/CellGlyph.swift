import CNcursesw
import ScreenKit
import TextLayout

/// What curses can hold of one cell's grapheme: the wide characters to draw and its width.
///
/// curses keeps at most `CCHARW_MAX` (5) code points per cell, a spacing character first
/// and only zero-width ones after it. A grapheme that does not fit that shape (emoji
/// ZWJ sequences, skin tones, flags) is drawn as its base character alone, and scalars
/// that draw nothing (ZWJ, ZWNJ, U+200B, U+FEFF, variation selectors: see
/// `DisplayWidth.isInvisible`) are never sent: the grid already leaves them out, this is
/// the backstop for text that did not come through it.
struct CellGlyph: Equatable {
    /// The code points for `setcchar`, without the terminating zero.
    private(set) var scalars: [wchar_t]
    /// Columns the glyph covers: 1, or 2 for a wide character.
    private(set) var width: Int

    static let maximumScalars = 5

    init(_ text: String) {
        let safe = text.unicodeScalars.map(Self.displayable).filter { !DisplayWidth.isInvisible($0) }
        guard let base = safe.first else {
            scalars = [0x20]
            width = 1
            return
        }
        let baseWidth = Int(wcwidth(wchar_t(base.value)))
        let marks = safe.dropFirst().map { wchar_t($0.value) }
        let marksFit =
            marks.count < Self.maximumScalars && marks.allSatisfy { wcwidth($0) == 0 }
        switch baseWidth {
        case ..<0:
            scalars = [wchar_t(UInt8(ascii: "?"))]
            width = 1
        case 0:
            // A mark with nothing to sit on gets a space, so it cannot join the cell before.
            let allMarks = [wchar_t(base.value)] + marks
            let fits =
                allMarks.count < Self.maximumScalars && allMarks.allSatisfy { wcwidth($0) == 0 }
            scalars = [0x20] + (fits ? allMarks : [])
            width = 1
        default:
            scalars = [wchar_t(base.value)] + (marksFit ? marks : [])
            width = min(baseWidth, 2)
        }
    }

    /// Display width of a cell's text as curses will draw it.
    static func width(of text: String) -> Int {
        CellGlyph(text).width
    }

    /// The last line of defence against escape sequences: the renderer already replaced
    /// control characters, so any that reach here become a visible "?".
    private static func displayable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
            return "?"
        default:
            return scalar
        }
    }
}
