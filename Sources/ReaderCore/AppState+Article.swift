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
        article.laidOut = ArticleLines(post: post, text: article.text, width: width)
    }
}
