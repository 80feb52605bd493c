/// Every operation a user can ask for; each has exactly one row in `Command.table`.
public enum Command: String, CaseIterable, Hashable, Sendable {
    case moveDown
    case moveUp
    case nextPane
    case previousPane
    case open
    case pageDown
    case pageUp
    case top
    case bottom
    case nextUnread
    case previousUnread
    case toggleRead
    case search
    case filter
    case clearFilter
    case markBlogRead
    case markListRead
    case undo
    case removeBlog
    case openLink
    case parent
    case nextSibling
    case previousSibling
    case toggleCollapse
    case nextNewComment
    case previousNewComment
    case nextReplyToMe
    case previousReplyToMe
    case nextTopLevel
    case previousTopLevel
    case openCommentLink
    case muteAuthor
    case muteSubthread
    case toggleMuted
    case toggleWatch
    case conversations
    case markThreadSeen
    case comment
    case reply
    case drafts
    case editDraft
    case deleteDraft
    case queueDraft
    case unqueueDraft
    case sendDrafts
    case sync
    case help
    case redraw
    case quit
    case cancel
    case deleteBackward
    case confirmYes
    case confirmNo

    /// This command's row of the table.
    public var spec: CommandSpec { CommandSpec.byCommand[self]! }
}
