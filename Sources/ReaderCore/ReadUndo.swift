/// One mark-read that `undo` can take back: the posts it changed from unread to read.
///
/// Posts that were read already are not listed, so setting these unread again restores
/// exactly the read state from before.
public struct ReadUndo: Equatable, Sendable {
    public var postIDs: [Int64]
    /// What was marked, for the status line: "240 posts of Civic Notes".
    public var label: String

    public init(postIDs: [Int64], label: String) {
        self.postIDs = postIDs
        self.label = label
    }
}
