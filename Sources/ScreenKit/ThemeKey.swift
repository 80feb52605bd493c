/// Where each style slot lives in a theme file: `[section] key = { … }`.
///
/// Sections group slots by pane; inside a section the short key is used
/// (`[post_list] selected`), and any slot may also be named by its full raw value
/// (`[ui] list_selected`) in any section.
public enum ThemeKey {
    /// (section, key, slot) for every slot, in the order theme files list them.
    public static let table: [(section: String, key: String, slot: StyleSlot)] = [
        ("ui", "normal", .normal),
        ("ui", "border", .paneBorder),
        ("ui", "border_focused", .paneBorderFocused),
        ("ui", "title", .paneTitle),
        ("post_list", "item", .listItem),
        ("post_list", "unread", .listUnread),
        ("post_list", "selected", .listSelected),
        ("post_list", "date", .listDate),
        ("post_list", "meta", .listMeta),
        ("article", "title", .articleTitle),
        ("article", "meta", .articleMeta),
        ("article", "heading", .heading),
        ("article", "bold", .bold),
        ("article", "italic", .italic),
        ("article", "code", .code),
        ("article", "quote", .quote),
        ("article", "link", .link),
        ("article", "link_number", .linkNumber),
        ("article", "image", .image),
        ("thread", "guide", .threadGuide),
        ("thread", "author", .commentAuthor),
        ("thread", "post_author", .commentPostAuthor),
        ("thread", "muted", .commentMuted),
        ("thread", "date", .commentDate),
        ("thread", "new", .commentNew),
        ("thread", "selected", .commentSelected),
        ("thread", "pingback", .pingback),
        ("thread", "draft", .draft),
        ("thread", "collapsed", .collapsed),
        ("status", "bar", .statusBar),
        ("status", "message", .statusMessage),
        ("status", "error", .statusError),
        ("help", "text", .help),
        ("help", "key", .helpKey),
        ("prompt", "text", .prompt),
        ("prompt", "match", .searchMatch),
    ]

    /// The slot `key` names inside `section`, if any.
    public static func slot(section: String, key: String) -> StyleSlot? {
        if let row = table.first(where: { $0.section == section && $0.key == key }) { return row.slot }
        return StyleSlot(rawValue: key)
    }

    /// The section and key a theme file uses for `slot`.
    public static func location(of slot: StyleSlot) -> (section: String, key: String) {
        let row = table.first { $0.slot == slot }!
        return (row.section, row.key)
    }
}
