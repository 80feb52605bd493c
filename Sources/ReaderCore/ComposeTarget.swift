/// What `c` or `r` was pressed on: the command, the post and the comment answered.
///
/// Kept after a warning (comments closed), so that the same press again on the same
/// target goes ahead; any other key or a mouse press forgets it.
public struct ComposeTarget: Equatable, Sendable {
    public var command: Command
    public var postID: Int64
    /// Cache id of the comment replied to; nil for a comment on the post.
    public var parentCommentID: Int64?

    public init(command: Command, postID: Int64, parentCommentID: Int64?) {
        self.command = command
        self.postID = postID
        self.parentCommentID = parentCommentID
    }
}
