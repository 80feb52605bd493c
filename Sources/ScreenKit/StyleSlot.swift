/// A named role a cell plays on screen; themes give each slot its colours.
///
/// Cells carry slots, not colours, so snapshots stay theme-independent and the backend
/// resolves colours once per theme.
public enum StyleSlot: String, CaseIterable, Sendable, Hashable {
    case normal
    case paneBorder = "pane_border"
    case paneBorderFocused = "pane_border_focused"
    case paneTitle = "pane_title"
    case listItem = "list_item"
    case listUnread = "list_unread"
    case listSelected = "list_selected"
    case listDate = "list_date"
    case listMeta = "list_meta"
    case articleTitle = "article_title"
    case articleMeta = "article_meta"
    case heading
    case bold
    case italic
    case code
    case quote
    case link
    case linkNumber = "link_number"
    case image
    case threadGuide = "thread_guide"
    case commentAuthor = "comment_author"
    case commentDate = "comment_date"
    case commentNew = "comment_new"
    case commentSelected = "comment_selected"
    case pingback
    case draft
    case collapsed
    case statusBar = "status_bar"
    case statusMessage = "status_message"
    case statusError = "status_error"
    case help
    case helpKey = "help_key"
    case prompt
    case searchMatch = "search_match"
    // Later slots go last, so the letters of the slots before them stay what snapshots hold.
    case commentPostAuthor = "comment_post_author"
    case commentMuted = "comment_muted"

    /// One letter per slot for the style grid of snapshot files.
    public var letter: Character {
        let letters = Array("._BTluSdmAMHbicqLNIgaeCwpDzsxEhkPfov")
        return letters[StyleSlot.allCases.firstIndex(of: self)!]
    }
}
