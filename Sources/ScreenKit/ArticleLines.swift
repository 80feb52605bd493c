import BlogModel
import ReaderCore
import TextLayout

/// An article laid out once, for one post, text and width, so a frame only slices it.
///
/// Laying out a long post takes milliseconds; scrolling must not. The runner keeps the last
/// value, makes a new one only when `matches` says the article or the pane width changed,
/// reports its `lines.count` with `.articleMeasured` (so `G` reaches the real end), and
/// passes it to `ScreenRenderer.render`. The renderers stay pure: without it, or with a
/// stale one, the article is laid out in the frame.
public struct ArticleLines: Equatable, Sendable {
    public let post: Post
    public let text: RichText
    /// The text width laid out at: `ReaderLayout.articleTextWidth`.
    public let width: Int
    public let lines: [TextLine]

    public init(post: Post, text: RichText, width: Int) {
        self.post = post
        self.text = text
        self.width = width
        lines = ArticleLayout.lines(header: ArticleHeader(post: post), body: text, width: width)
    }

    /// The article of `article` laid out for its pane in `layout`; nil with no post or no pane.
    public init?(article: ArticleState, layout: ReaderLayout) {
        guard let post = article.post, let width = layout.articleTextWidth else { return nil }
        self.init(post: post, text: article.text, width: width)
    }

    /// True when these lines are `article` at `width`. Cheap when they are: the text shares
    /// its storage with the state it was made from.
    public func matches(_ article: ArticleState, width: Int?) -> Bool {
        width == self.width && article.post == post && article.text == text
    }

    /// The action that tells `reduce` how long the article is.
    public var measuredAction: Action {
        .articleMeasured(postID: post.id, width: width, lines: lines.count)
    }
}
