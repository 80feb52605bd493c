import BlogModel

/// The article pane: the selected post's rendered text and how far it is scrolled.
public struct ArticleState: Equatable, Sendable {
    public var post: Post?
    public var text: RichText = RichText()
    /// First line shown, in wrapped lines; the renderer clamps it to the text's end.
    public var scroll: Int = 0
    /// Id of the post being loaded, when a load is in flight.
    public var loadingPostID: Int64?
    /// Text width (columns) the article was laid out at, as reported by `.articleMeasured`;
    /// nil until then and after the text changes.
    public var layoutWidth: Int?
    /// Lines the laid-out article takes at `layoutWidth`; bounds scrolling, so `G` reaches
    /// the real end.
    public var lineCount: Int?

    public init(post: Post? = nil, text: RichText = RichText()) {
        self.post = post
        self.text = text
    }
}
