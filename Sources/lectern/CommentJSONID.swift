import BlogModel

/// How a comment is named in JSON: by the blog's own comment id, as the export or feed gave it.
///
/// The blog's id is what a person can check against the site (`#comment-123`) and stays the
/// same across caches; it is a number whenever the source's id is one.
enum CommentJSONID {
    static func value(_ comment: Comment) -> Any {
        Int(comment.sourceID).map { $0 as Any } ?? TerminalSafeText.sanitize(comment.sourceID)
    }
}
