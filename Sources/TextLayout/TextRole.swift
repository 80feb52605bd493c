/// What a stretch of laid-out text is: an article's title, a link, a comment's author…
///
/// Layout knows what text means, not how it looks: ScreenKit gives each role its style slot
/// (and so its theme colours), and the plain text of `lectern show` leaves roles out.
public enum TextRole: Sendable, Hashable, CaseIterable {
    case normal
    case articleTitle
    /// Bylines, categories, rules and pane messages ("No comments yet.").
    case articleMeta
    case heading
    case bold
    case italic
    case code
    case quote
    case link
    /// The `[n]` after a link and before its entry in the link list.
    case linkNumber
    case image
    /// The tree's guide lines and depth badges.
    case threadGuide
    case commentAuthor
    /// The post's author's name on their own comments, with its "(author)" label.
    case commentPostAuthor
    /// A muted comment shown on request (`V`): its header and text, dimmed.
    case commentMuted
    case commentDate
    case commentNew
    /// The selected comment's header and its gutter bar.
    case commentSelected
    case pingback
    case draft
    /// Fold markers and the summary of what a fold hides.
    case collapsed
}
