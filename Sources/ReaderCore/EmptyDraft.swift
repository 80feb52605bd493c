/// A draft the user emptied in the editor: what to discard or keep once they answer.
public struct EmptyDraft: Equatable, Sendable {
    /// The editor's file, still on disk until the answer.
    public var filePath: String
    /// The stored draft it edited; nil for a new one.
    public var draftID: Int64?
    public var postID: Int64
    public var parentCommentID: Int64?

    public init(filePath: String, draftID: Int64?, postID: Int64, parentCommentID: Int64?) {
        self.filePath = filePath
        self.draftID = draftID
        self.postID = postID
        self.parentCommentID = parentCommentID
    }

    /// The question the reader asks.
    var question: String {
        draftID.map { "Draft \($0) is now empty. Discard it?" } ?? "The draft is empty. Discard it?"
    }
}
