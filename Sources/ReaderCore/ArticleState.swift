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
    /// Where to scroll the loading post once it is laid out: a kept position's top line, at
    /// the text width it was taken at.
    public var pendingScroll: PendingScroll?

    /// A kept article scroll waiting for its post's layout.
    public struct PendingScroll: Equatable, Sendable {
        public var postID: Int64
        public var line: Int
        /// The text width `line` counts at; 0 when unknown (the line is taken as is).
        public var width: Int

        public init(postID: Int64, line: Int, width: Int) {
            self.postID = postID
            self.line = line
            self.width = width
        }
    }

    public init(post: Post? = nil, text: RichText = RichText()) {
        self.post = post
        self.text = text
    }
}
