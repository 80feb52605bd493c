import TextLayout

extension AppState {
    /// Lays the article out at its pane's text width, unless `article.laidOut` already is
    /// this post and text at that width; no post, no lines.
    ///
    /// The width is the pane's as it shows: in one-pane mode, when the article is focused.
    mutating func layOutArticle() {
        guard let post = article.post,
            let width = ReaderLayout(size: size, focus: .article).articleTextWidth
        else {
            article.laidOut = nil
            return
        }
        if article.laidOut?.matches(post: post, text: article.text, width: width) == true { return }
        let previous = article.laidOut
        let lines = ArticleLines(post: post, text: article.text, width: width)
        article.laidOut = lines
        if let pending = article.pendingScroll, pending.postID == post.id {
            // A kept position: its line counts at the width it was taken at.
            article.pendingScroll = nil
            let line =
                pending.width > 0 && pending.width != width
                ? lines.line(
                    showing: pending.line, of: ArticleLines(post: post, text: article.text, width: pending.width))
                : pending.line
            article.scroll = max(0, min(line, lines.lines.count - visibleRows(of: .article)))
        } else if let previous, previous.width != width, previous.post.id == post.id, previous.text == article.text {
            // A resize: keep the same text at the top, not the same line number.
            article.scroll = lines.line(showing: article.scroll, of: previous)
        }
    }
}
