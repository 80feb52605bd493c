import BlogModel

/// The article pane: the selected post's rendered text and how far it is scrolled.
public struct ArticleState: Equatable, Sendable {
    public var post: Post?
    public var text: RichText = RichText()
    /// First line shown, in wrapped lines; the renderer clamps it to the text's end.
    public var scroll: Int = 0
    /// Id of the post being loaded, when a load is in flight.
    public var loadingPostID: Int64?

    public init(post: Post? = nil, text: RichText = RichText()) {
        self.post = post
        self.text = text
    }
}
