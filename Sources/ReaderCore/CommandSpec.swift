/// One row of the command table: the config name, default keys, help text and scope.
///
/// The key map, the config parser (`[keys] next = ["j", "Down"]`) and the help screen all
/// read `CommandSpec.table`; no other code names a key.
public struct CommandSpec: Equatable, Sendable {
    public var command: Command
    /// The name used in `config.toml` under `[keys]`.
    public var name: String
    public var defaultKeys: [Key]
    public var help: String
    public var scope: CommandScope

    public init(
        _ command: Command, _ name: String, _ defaultKeys: [Key], _ scope: CommandScope,
        _ help: String
    ) {
        self.command = command
        self.name = name
        self.defaultKeys = defaultKeys
        self.help = help
        self.scope = scope
    }

    /// Every command, in the order the help screen lists them.
    public static let table: [CommandSpec] = [
        CommandSpec(.moveDown, "down", [.character("j"), .down], [.panes, .list], "Move down"),
        CommandSpec(.moveUp, "up", [.character("k"), .up], [.panes, .list], "Move up"),
        CommandSpec(.nextPane, "next-pane", [.tab], .panes, "Focus the next pane"),
        CommandSpec(.previousPane, "prev-pane", [.backTab], .panes, "Focus the previous pane"),
        CommandSpec(
            .open, "open", [.enter], [.panes, .list, .prompt],
            "Open the selection; in a prompt, accept"),
        CommandSpec(
            .pageDown, "page-down", [.character(" "), .pageDown], [.panes, .list], "Page down"),
        CommandSpec(.pageUp, "page-up", [.character("b"), .pageUp], [.panes, .list], "Page up"),
        CommandSpec(.top, "top", [.character("g"), .home], [.panes, .list], "Go to the top"),
        CommandSpec(
            .bottom, "bottom", [.character("G"), .end], [.panes, .list], "Go to the bottom"),
        CommandSpec(.nextUnread, "next-unread", [.character("n")], .panes, "Next unread post"),
        CommandSpec(
            .previousUnread, "prev-unread", [.character("N")], .panes, "Previous unread post"),
        CommandSpec(
            .toggleRead, "toggle-read", [.character("m")], .panes,
            "Mark the selected post read or unread"),
        CommandSpec(.search, "search", [.character("/")], .panes, "Search posts and comments"),
        CommandSpec(
            .filter, "filter", [.character("f")], .panes,
            "Filter posts by blog, category, tag or author"),
        CommandSpec(.clearFilter, "clear-filter", [.character("F")], .panes, "Clear the filter"),
        CommandSpec(
            .markBlogRead, "mark-blog-read", [.character("A")], .panes,
            "Mark every post of the selected post's blog read, after asking"),
        CommandSpec(
            .markListRead, "mark-list-read", [.character("R")], .panes,
            "Mark every post of the list (as filtered) read, after asking"),
        CommandSpec(
            .undo, "undo", [.character("u")], .panes,
            "Undo the last mark-read of this list (until you change the filter)"),
        CommandSpec(
            .removeBlog, "remove-blog", [.character("X")], .list,
            "Filter list of blogs: remove the selected blog, after asking (its drafts are kept)"),
        CommandSpec(
            .openLink, "open-link", [.character("o")], .panes,
            "Open a link in $BROWSER (type its number; none for the post)"),
        CommandSpec(.parent, "parent", [.character("h"), .left], .thread, "Go to the parent comment"),
        CommandSpec(.nextSibling, "next-sibling", [.character("J")], .thread, "Next sibling comment"),
        CommandSpec(
            .previousSibling, "prev-sibling", [.character("K")], .thread,
            "Previous sibling comment"),
        CommandSpec(
            .toggleCollapse, "toggle-collapse", [.character(" "), .character("z")], .thread,
            "Collapse or expand the replies"),
        CommandSpec(
            .nextNewComment, "next-new", [.character("]")], .panes, "Next new comment"),
        CommandSpec(
            .previousNewComment, "prev-new", [.character("[")], .panes, "Previous new comment"),
        CommandSpec(
            .nextReplyToMe, "next-reply-to-me", [.character("}")], .panes, "Next new reply to you"),
        CommandSpec(
            .previousReplyToMe, "prev-reply-to-me", [.character("{")], .panes, "Previous new reply to you"),
        CommandSpec(
            .nextTopLevel, "next-top-level", [.character(")")], .thread, "Next top-level comment"),
        CommandSpec(
            .previousTopLevel, "prev-top-level", [.character("(")], .thread, "Previous top-level comment"),
        CommandSpec(
            .openCommentLink, "open-comment-link", [.character("O")], .thread,
            "Open the selected comment's own link (#comment-ID) in $BROWSER"),
        CommandSpec(
            .muteAuthor, "mute-author", [.character("M")], .thread,
            "Mute the selected comment's author on this blog, after asking (on a muted comment: unmute)"),
        CommandSpec(
            .muteSubthread, "mute-subthread", [.character("x")], .thread,
            "Mute the selected comment and its replies, after asking (on a muted comment: unmute)"),
        CommandSpec(
            .toggleMuted, "toggle-muted", [.character("V")], .thread, "Show or hide muted comments"),
        CommandSpec(
            .toggleWatch, "watch", [.character("w")], .panes,
            "Watch the post's comments (sync follows them), or stop watching"),
        CommandSpec(
            .conversations, "conversations", [.character("C")], .panes,
            "Conversations: watched threads with new comments, replies to you first"),
        CommandSpec(
            .markThreadSeen, "mark-thread-seen", [.character("m")], .list,
            "Conversations: mark the selected thread's comments seen"),
        CommandSpec(.comment, "comment", [.character("c")], .panes, "Comment on the post"),
        CommandSpec(.reply, "reply", [.character("r")], .thread, "Reply to the selected comment"),
        CommandSpec(.drafts, "drafts", [.character("D")], .panes, "List drafts"),
        CommandSpec(
            .editDraft, "edit-draft", [.character("e")], .list,
            "Draft list: edit the selected draft (Enter too)"),
        CommandSpec(
            .deleteDraft, "delete-draft", [.character("d")], .list,
            "Draft list: delete the selected draft, after asking"),
        CommandSpec(
            .queueDraft, "queue-draft", [.character("Q")], .list,
            "Draft list: queue the selected draft for sending"),
        CommandSpec(
            .unqueueDraft, "unqueue-draft", [.character("u")], .list,
            "Draft list: hold the selected draft back (unqueue)"),
        CommandSpec(
            .sendDrafts, "send-drafts", [.character("S")], .list,
            "Draft list: send the queued drafts now"),
        CommandSpec(.sync, "sync", [.character("s")], .panes, "Sync subscriptions in the background"),
        CommandSpec(.help, "help", [.character("?"), .function(1)], [.panes, .list], "Show this help"),
        CommandSpec(.redraw, "redraw", [.control("l")], .everywhere, "Redraw the screen"),
        CommandSpec(
            .quit, "quit", [.character("q")], [.panes, .list], "Close the overlay; otherwise quit"),
        CommandSpec(
            .cancel, "cancel", [.escape], [.list, .prompt, .confirm], "Close the overlay or prompt"),
        CommandSpec(
            .deleteBackward, "delete-backward", [.backspace], .prompt, "Delete the last character"),
        CommandSpec(.confirmYes, "yes", [.character("y")], .confirm, "Answer yes"),
        CommandSpec(.confirmNo, "no", [.character("n")], .confirm, "Answer no"),
    ]

    static let byCommand: [Command: CommandSpec] = Dictionary(
        uniqueKeysWithValues: table.map { ($0.command, $0) })

    /// The row whose config name is `name`.
    public static func named(_ name: String) -> CommandSpec? { table.first { $0.name == name } }
}
