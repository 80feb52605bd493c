extension Comment {
    /// The blog's own number for the comment a source id names: the id itself when it is a
    /// number (`wp:comment_id`, the REST id), or the N of a `…#comment-N` address (a feed naming
    /// the comment by its permalink); nil for any other id. What sent comments, replies and
    /// `#comment-N` links are matched by.
    public static func siteNumber(of sourceID: String) -> Int? {
        if let id = Int(sourceID) { return id > 0 ? id : nil }
        guard let range = sourceID.range(of: "comment-", options: .backwards) else { return nil }
        let digits = sourceID[range.upperBound...].prefix(while: { $0.isASCII && $0.isNumber })
        return Int(digits).flatMap { $0 > 0 ? $0 : nil }
    }
}
