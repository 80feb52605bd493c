import BlogModel
import TextLayout

/// The article pane: the selected post's rendered text and how far it is scrolled.
public struct ArticleState: Equatable, Sendable {
    public var post: Post?
    public var text: RichText = RichText()
    /// First line shown, in wrapped lines; the renderer clamps it to the text's end.
    public var scroll: Int = 0
    /// Id of the post being loaded, when a load is in flight.
    public var loadingPostID: Int64?
    /// The post laid out at its pane's text width, by reduce, once per post, text and width;
    /// bounds scrolling, so `G` reaches the real end, and is what the pane draws.
    public internal(set) var laidOut: ArticleLines?

    public init(post: Post? = nil, text: RichText = RichText()) {
        self.post = post
        self.text = text
    }
}
