/// A key press as the reader understands it, independent of any terminal library.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, lower-cased: Ctrl-L is `.control("l")`.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete
    case function(Int)
}
