import BlogModel

/// An article laid out once, for one post, text and width, so that scrolling only slices it.
///
/// Laying out a long post takes milliseconds; scrolling must not. Reduce keeps one in the
/// state and makes a new one only when `matches` says the post, its text or the width
/// changed; the article pane draws its lines.
public struct ArticleLines: Equatable, Sendable {
    public let post: Post
    public let text: RichText
    /// The text width laid out at.
    public let width: Int
    public let lines: [TextLine]

    public init(post: Post, text: RichText, width: Int) {
        self.post = post
        self.text = text
        self.width = width
        lines = ArticleLayout.lines(header: ArticleHeader(post: post), body: text, width: width)
    }

    /// True when these lines are `post`'s `text` at `width`. Cheap when they are: the text
    /// shares its storage with the state it was laid out from.
    public func matches(post: Post, text: RichText, width: Int) -> Bool {
        width == self.width && post == self.post && text == self.text
    }
}
